import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { Column, ListKind } from './columns';
import { parseViewState, serializeViewState, type ListViewState } from './listModel';

/**
 * What each list last showed in this session, so leaving a list for a record and coming back
 * through the navigation finds the filters as they were. The URL is the truth while on the list.
 */
const lastQueries = new Map<ListKind, string>();

export type ListView = {
  state: ListViewState;
  /** The state as a URL query, for saving as a view. */
  query: string;
  /** Changes part of the state; a function patch sees the state as it is now, not as rendered. */
  update: (
    patch: Partial<ListViewState> | ((current: ListViewState) => Partial<ListViewState>),
  ) => void;
  /** Shows a saved query (a saved view), replacing the current state. */
  apply: (query: string) => void;
};

/** A list's filters, sort and columns, kept in the URL's search parameters. */
export function useListView(kind: ListKind, columns: readonly Column<ListKind>[]): ListView {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const state = useMemo(
    () => parseViewState(new URLSearchParams(query), columns),
    [query, columns],
  );

  useEffect(() => {
    const remembered = lastQueries.get(kind);
    if (query === '' && remembered) setParams(new URLSearchParams(remembered), { replace: true });
    // Only when the list opens: afterwards the URL leads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind]);

  useEffect(() => {
    lastQueries.set(kind, query);
  }, [kind, query]);

  // React Router hands a functional update the parameters of the last render, so two changes
  // before the next render would overwrite each other; this keeps the newest ones instead.
  const latest = useRef(query);
  useEffect(() => {
    latest.current = query;
  }, [query]);

  const update = useCallback(
    (patch: Partial<ListViewState> | ((current: ListViewState) => Partial<ListViewState>)) => {
      const current = parseViewState(new URLSearchParams(latest.current), columns);
      const changes = typeof patch === 'function' ? patch(current) : patch;
      const next = serializeViewState({ ...current, ...changes }, columns);
      latest.current = next.toString();
      // Typing in the filter must not fill the Back button's history, one entry per keystroke.
      setParams(next, { replace: true });
    },
    [setParams, columns],
  );

  const apply = useCallback(
    (saved: string) => {
      const next = serializeViewState(parseViewState(new URLSearchParams(saved), columns), columns);
      latest.current = next.toString();
      setParams(next);
    },
    [setParams, columns],
  );

  return { state, query, update, apply };
}
