import { PGlite } from "@electric-sql/pglite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withPreparedStatements } from "./pglite-statements.server";

let db: PGlite;

beforeEach(async () => {
  db = await PGlite.create();
  await db.exec(`CREATE TABLE item (id text PRIMARY KEY, qty int NOT NULL, at timestamp(3), tags text[], data jsonb)`);
});

afterEach(async () => {
  await db.close();
});

/** The named statements PostgreSQL holds for this session. */
async function preparedNames() {
  const { rows } = await db.query<{ name: string }>(`SELECT name FROM pg_prepared_statements ORDER BY name`);
  return rows.map((row) => row.name);
}

describe("withPreparedStatements", () => {
  it("answers as PGlite's own query does, in both row modes and with the caller's parsers, preparing each text once", async () => {
    const client = withPreparedStatements(db);
    await client.query(`INSERT INTO item VALUES ($1, $2, $3, $4, $5)`, ["a", 3, new Date("2026-10-22T02:00:00Z"), ["x", "y"], { pt: "Luminária" }]);
    await client.query(`INSERT INTO item VALUES ($1, $2, $3, $4, $5)`, ["b", 5, null, null, null]);
    const sql = `SELECT id, qty, at, tags, data FROM item WHERE qty >= $1 ORDER BY id`;
    for (const options of [undefined, { rowMode: "array" as const }, { rowMode: "array" as const, parsers: { 23: (value: string) => `n${value}` } }]) {
      const expected = await db.query(sql, [1], options);
      const actual = await client.query(sql, [1], options);
      expect(actual.rows).toEqual(expected.rows);
      expect(actual.fields).toEqual(expected.fields);
    }
    expect(client.preparedCount()).toBe(2);
    expect(await preparedNames()).toHaveLength(2);
    const update = await client.query(`UPDATE item SET qty = qty + 1 WHERE qty > $1`, [0]);
    expect(update.affectedRows).toBe(2);
    expect(update.rows).toEqual([]);
  });

  it("reports a database error with its code and query, caches no statement that failed to parse, and goes on working", async () => {
    const client = withPreparedStatements(db);
    await client.query(`INSERT INTO item (id, qty) VALUES ($1, $2)`, ["a", 1]);
    const duplicate = await client.query(`INSERT INTO item (id, qty) VALUES ($1, $2)`, ["a", 2]).catch((error: unknown) => error);
    expect(duplicate).toMatchObject({ code: "23505", query: `INSERT INTO item (id, qty) VALUES ($1, $2)`, params: ["a", 2] });
    await expect(client.query(`SELEC nothing`)).rejects.toMatchObject({ code: "42601" });
    expect(client.preparedCount()).toBe(1);
    expect((await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM item`)).rows).toEqual([{ n: 1 }]);
  });

  it("runs a transaction's queries in it, and makes a query from outside wait for the transaction to end", async () => {
    const client = withPreparedStatements(db);
    let outside: Promise<unknown> | undefined;
    await client
      .transaction(async (tx) => {
        await tx.query(`INSERT INTO item (id, qty) VALUES ($1, $2)`, ["t", 1]);
        outside = client.query<{ n: number }>(`SELECT count(*)::int AS n FROM item`).then((result) => result.rows[0].n);
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect((await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM item`)).rows[0].n).toBe(1);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    // Had it run inside the transaction, it would have counted the row that was rolled back.
    expect(await outside).toBe(0);
    await client.transaction(async (tx) => {
      await tx.query(`INSERT INTO item (id, qty) VALUES ($1, $2)`, ["u", 1]);
    });
    expect((await client.query<{ id: string }>(`SELECT id FROM item`)).rows).toEqual([{ id: "u" }]);
  });

  it("prepares a statement again when the table's columns changed or the statements were deallocated", async () => {
    const client = withPreparedStatements(db);
    await client.query(`INSERT INTO item (id, qty) VALUES ($1, $2)`, ["a", 1]);
    const sql = `SELECT * FROM item WHERE id = $1`;
    expect(Object.keys((await client.query<object>(sql, ["a"])).rows[0])).not.toContain("note");
    await db.exec(`ALTER TABLE item ADD COLUMN note text DEFAULT 'new'`);
    expect((await client.query<{ note: string }>(sql, ["a"])).rows[0].note).toBe("new");
    // The statement that no longer fitted is closed before the next query: none is left behind.
    await client.query(`SELECT 1`);
    expect(await preparedNames()).toHaveLength(client.preparedCount());
    await db.exec(`DEALLOCATE ALL`);
    expect((await client.query<{ id: string }>(sql, ["a"])).rows).toMatchObject([{ id: "a" }]);
  });

  it("keeps at most `max` statements, closing the least recently used", async () => {
    const client = withPreparedStatements(db, 2);
    await client.query(`SELECT 1 AS one`);
    await client.query(`SELECT 2 AS two`);
    await client.query(`SELECT 1 AS one`);
    await client.query(`SELECT 3 AS three`);
    expect(client.preparedCount()).toBe(2);
    // The next query closes the statement pushed out ("SELECT 2"), before it runs.
    await client.query(`SELECT 1 AS one`);
    expect(await preparedNames()).toEqual(["ponte_1", "ponte_3"]);
  });
});
