/**
 * The HTTP limit: a bare node:http server doing the storage limit's raw transaction per request
 * (the engine section's `limitRound`): read the JSON body `{ id, revision, event }`, then in one
 * BEGIN IMMEDIATE transaction select the application, update it checked against the revision,
 * insert its chained audit row; answer `{ id, revision }`. No session, no validation, no machine:
 * what any server must at least do for a transition over HTTP on this machine.
 *
 * With `--service` it calls Kader's own `sendApplicationEvent` instead (as the system, answering
 * what the service answers): the same command as the real server's without tRPC, the session
 * and the server's checks, so the difference between the three tells where the time goes.
 *
 *   node --import tsx bareServer.ts <db file> [--service]   prints "listening on http://127.0.0.1:<port>"
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendApplicationEvent, systemContext } from '@kader/api';
import { auditRowHash, openDatabase } from '@kader/db';

const file = process.argv[2];
if (!file) throw new Error('usage: bareServer.ts <db file> [--service]');
const viaService = process.argv[3] === '--service';
const handle = openDatabase(file);
const s = handle.sqlite;
const ctx = systemContext(handle);

const select = s.prepare('SELECT snapshot, revision, state, machine_version FROM applications WHERE id = ?');
const update = s.prepare('UPDATE applications SET snapshot = ?, revision = ?, updated_at = ? WHERE id = ? AND revision = ?');
const nextSeq = s
  .prepare("SELECT coalesce(max(seq), 0) + 1 FROM audit_events WHERE entity_type = 'application' AND entity_id = ?")
  .pluck();
const lastHash = s.prepare('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1').pluck();
const insert = s.prepare(
  `INSERT INTO audit_events (entity_type, entity_id, seq, type, payload, from_state, to_state, machine_version, actor, at, meta, prev_hash, hash)
   VALUES (@entity_type, @entity_id, @seq, @type, @payload, @from_state, @to_state, @machine_version, @actor, @at, @meta, @prev_hash, @hash)`,
);

type Row = { snapshot: string; revision: number; state: string; machine_version: number };
type Send = { id: number; revision: number; event: { type: string } };

/** The new revision, or null when the row is missing or its revision moved on. */
const send = s.transaction(({ id, revision, event }: Send): number | null => {
  const row = select.get(id) as Row | undefined;
  if (!row || row.revision !== revision) return null;
  const at = new Date().toISOString();
  if (update.run(row.snapshot, revision + 1, at, id, revision).changes !== 1) return null;
  const { type, ...payload } = event;
  const prevHash = (lastHash.get() as string | undefined) ?? null;
  const stored = {
    entity_type: 'application',
    entity_id: id,
    seq: nextSeq.get(id) as number,
    type,
    payload: JSON.stringify(payload),
    from_state: row.state,
    to_state: row.state,
    machine_version: row.machine_version,
    actor: 'bench',
    at,
    meta: null,
  };
  insert.run({ ...stored, prev_hash: prevHash, hash: auditRowHash(prevHash, stored) });
  return revision + 1;
});

function answer(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    try {
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Send;
      if (viaService) {
        answer(res, 200, sendApplicationEvent({ ctx, input }));
        return;
      }
      const revision = send.immediate(input);
      answer(res, revision === null ? 409 : 200, { id: input.id, revision });
    } catch (err) {
      answer(res, 500, { error: String(err) });
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  server.close(() => {
    handle.close();
    process.exit(0);
  });
  server.closeIdleConnections();
});
