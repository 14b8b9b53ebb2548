/** The little of PouchDB's and express-pouchdb's API the sync benchmark uses (no typings ship). */

interface BenchPouchDoc {
  _id: string;
  _rev?: string;
  [key: string]: unknown;
}

interface BenchReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: unknown[];
}

interface BenchReplicationOptions {
  batch_size?: number;
  batches_limit?: number;
  /** Replicate the changes after this local sequence only. */
  since?: number | string;
}

interface BenchPouchDB {
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  bulkDocs(docs: BenchPouchDoc[]): Promise<Array<{ ok?: boolean; error?: string }>>;
  put(doc: BenchPouchDoc): Promise<{ ok: boolean; rev: string }>;
  allDocs(options: {
    include_docs?: boolean;
    limit?: number;
  }): Promise<{ rows: Array<{ id: string; doc?: BenchPouchDoc }> }>;
  replicate: {
    from(source: string, options?: BenchReplicationOptions): Promise<BenchReplicationResult>;
    to(target: string, options?: BenchReplicationOptions): Promise<BenchReplicationResult>;
  };
  close(): Promise<void>;
  destroy(): Promise<void>;
}

interface BenchPouchConstructor {
  new (name: string, options?: Record<string, unknown>): BenchPouchDB;
  defaults(options: Record<string, unknown>): BenchPouchConstructor;
}

declare module 'pouchdb' {
  const PouchDB: BenchPouchConstructor;
  export default PouchDB;
}

declare module 'pouchdb-browser' {
  const PouchDB: BenchPouchConstructor;
  export default PouchDB;
}

declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  function expressPouchDB(
    PouchDB: BenchPouchConstructor,
    options?: Record<string, unknown>,
  ): (req: IncomingMessage, res: ServerResponse) => void;
  export default expressPouchDB;
}
