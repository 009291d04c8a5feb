/**
 * The import's sandbox: untrusted bytes are decoded, parsed and checked here, off the UI thread
 * and away from the registry, with the pure format code of src/shared/import. It keeps the parsed
 * file between requests so each step of the wizard sends only what changed.
 */
import type { ImportTable } from '@shared/import/cells';
import { findDuplicates } from '@shared/import/findDuplicates';
import { ImportFileError } from '@shared/import/importFileError';
import { NameIndex } from '@shared/import/nameIndex';
import { readImportFile, type ParsedImportFile } from '@shared/import/readImportFile';
import { SNAPSHOT_KINDS, validateSnapshot } from '@shared/import/readSnapshot';
import { rejectedRowsCsv } from '@shared/import/rejectedRowsCsv';
import type { RowPlan } from '@shared/import/rowPlan';
import { validateTable } from '@shared/import/validateRows';
import {
  planKey,
  type FileSummary,
  type WorkerFailure,
  type WorkerRequest,
  type WorkerResponse,
} from './importProtocol';

type WorkerScope = {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage: (message: WorkerResponse, transfer?: Transferable[]) => void;
};
const scope = self as unknown as WorkerScope;

const SAMPLE_ROWS = 5;
/** At most this often a progress message, so a fast step does not flood the UI. */
const PROGRESS_INTERVAL_MS = 100;

let file: { name: string; parsed: ParsedImportFile } | null = null;

function progressReporter(id: number) {
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    scope.postMessage({ id, type: 'progress', done, total });
  };
}

function summarize(parsed: ParsedImportFile): FileSummary {
  const sheet = (table: ImportTable) => ({
    name: table.name,
    headers: table.headers,
    rowCount: table.rows.length,
    sample: table.rows.slice(0, SAMPLE_ROWS).map((row) => row.cells),
  });
  switch (parsed.format) {
    case 'csv':
      return { format: 'csv', csv: parsed.csv, sheets: [sheet(parsed.tables[0])] };
    case 'xlsx':
      return { format: 'xlsx', sheets: parsed.tables.map(sheet) };
    case 'json': {
      const counts = Object.fromEntries(
        SNAPSHOT_KINDS.map((kind) => [kind, parsed.snapshot.records[kind]?.length ?? 0]),
      );
      return { format: 'json', title: parsed.snapshot.title, counts, sheets: [] };
    }
  }
}

function tableOf(sheet: number): ImportTable {
  const table = file?.parsed.tables[sheet];
  if (!table) throw new Error('No file is open in the import, or it has no such sheet');
  return table;
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'read': {
      file = null;
      const parsed = await readImportFile(
        request.name,
        request.bytes,
        progressReporter(request.id),
      );
      file = { name: request.name, parsed };
      scope.postMessage({ id: request.id, type: 'read', summary: summarize(parsed) });
      return;
    }
    case 'validate': {
      const { mapping, lookups } = request;
      const plans = validateTable(
        tableOf(request.sheet),
        mapping,
        {
          partners: new NameIndex(lookups.partners),
          people: new NameIndex(lookups.people),
          newId: () => crypto.randomUUID(),
        },
        progressReporter(request.id),
      );
      const checked = findDuplicates(
        plans,
        lookups.existing[mapping.kind] ?? [],
        new Map(Object.entries(lookups.references[mapping.kind] ?? {})),
      );
      scope.postMessage({ id: request.id, type: 'validated', plans: checked });
      return;
    }
    case 'validateSnapshot': {
      if (file?.parsed.format !== 'json') throw new Error('No registry JSON file is open');
      const plans = validateSnapshot(file.parsed.snapshot, progressReporter(request.id));
      const checked: RowPlan[] = [];
      for (const kind of SNAPSHOT_KINDS) {
        const ofKind = plans.filter((plan) => plan.kind === kind);
        checked.push(...findDuplicates(ofKind, request.lookups.existing[kind] ?? []));
      }
      scope.postMessage({ id: request.id, type: 'validated', plans: checked });
      return;
    }
    case 'rejectedCsv': {
      const reasons = new Map(request.reasons);
      let headers: string[];
      let rows: {
        cells: (string | number | boolean | null)[];
        rowNumber: number;
        reason: string;
      }[];
      if (file?.parsed.format === 'json') {
        // A JSON record has no cells: say which record it was instead.
        const snapshot = file.parsed.snapshot;
        headers = ['kind', 'id', 'name'];
        rows = validateSnapshot(snapshot)
          .filter((plan) => reasons.has(planKey(plan, true)))
          .map((plan) => ({
            cells: [plan.kind, plan.fileId ?? '', plan.label],
            rowNumber: plan.rowNumber,
            reason: reasons.get(planKey(plan, true)) ?? '',
          }));
      } else {
        const table = tableOf(request.sheet);
        headers = table.headers;
        rows = table.rows
          .filter((row) => reasons.has(row.rowNumber))
          .map((row) => ({
            cells: row.cells,
            rowNumber: row.rowNumber,
            reason: reasons.get(row.rowNumber) ?? '',
          }));
      }
      const bytes = rejectedRowsCsv({
        headers,
        rows,
        rowHeader: request.rowHeader,
        reasonHeader: request.reasonHeader,
        delimiter: request.delimiter,
      });
      scope.postMessage({ id: request.id, type: 'bytes', bytes }, [bytes.buffer]);
      return;
    }
  }
}

function describeFailure(error: unknown): WorkerFailure {
  if (error instanceof ImportFileError)
    return { kind: 'file', code: error.code, params: error.params };
  return { kind: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}

scope.onmessage = (event) => {
  const request = event.data;
  handle(request).catch((error: unknown) => {
    scope.postMessage({ id: request.id, type: 'error', failure: describeFailure(error) });
  });
};
