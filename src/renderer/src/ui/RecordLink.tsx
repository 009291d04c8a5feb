import { Link } from '@mui/material';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import type { RecordKind } from '@shared/model/records';
import { recordPath } from '../app/recordPaths';

type RecordLinkProps = { kind: RecordKind; id: string; children: ReactNode };

/** A link to a record's detail page; plain text for kinds that have none. */
export function RecordLink({ kind, id, children }: RecordLinkProps) {
  const path = recordPath(kind, id);
  if (!path) return <>{children}</>;
  return (
    <Link component={RouterLink} to={path}>
      {children}
    </Link>
  );
}
