// The baseline the check-in is measured against: Express parsing the same JSON body and one INSERT of a
// visit row, idempotent by client id, with nothing else (no validation, queue number, audit or summary).
// Run as its own process, as our server is: `tsx bare-server.ts <postgres-url | pglite-data-dir>`.
import { PGlite } from '@electric-sql/pglite'
import express from 'express'
import pg from 'pg'

type Query = (sql: string, params: unknown[]) => Promise<unknown>

const SCHEMA = `CREATE TABLE IF NOT EXISTS bare_visit (
  id bigserial PRIMARY KEY, client_id uuid UNIQUE NOT NULL, name text NOT NULL, phone text NOT NULL,
  category text NOT NULL, topic text NOT NULL, checked_in_at timestamptz NOT NULL DEFAULT now())`
const INSERT = `INSERT INTO bare_visit (client_id, name, phone, category, topic) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (client_id) DO NOTHING RETURNING id`

async function connect(target: string): Promise<Query> {
  if (target.startsWith('postgres')) {
    const pool = new pg.Pool({ connectionString: target, max: 10 })
    return (sql, params) => pool.query(sql, params)
  }
  const db = await PGlite.create(target)
  return (sql, params) => db.query(sql, params)
}

const query = await connect(process.argv[2]!)
await query(SCHEMA, [])
const app = express()
app.post('/trpc/kiosk.checkIn', express.json(), async (req, res) => {
  const input = (req.body as { json: CheckIn }).json
  try {
    await query(INSERT, [
      input.clientId,
      input.guest.name,
      input.guest.phone,
      input.guest.category,
      input.topic,
    ])
    res.json({ result: { data: { json: { clientId: input.clientId } } } })
  } catch {
    res.status(500).json({ error: 'insert failed' })
  }
})
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number }
  process.stdout.write(`serving on http://127.0.0.1:${address.port}\n`)
})

interface CheckIn {
  clientId: string
  guest: { name: string; phone: string; category: string }
  topic: string
}
