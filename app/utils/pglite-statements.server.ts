import type { PGlite, QueryOptions, Results, Transaction } from "@electric-sql/pglite";
import { parse, protocol } from "@electric-sql/pglite";

type BackendMessage = Awaited<ReturnType<PGlite["execProtocolStream"]>>[number];

const { serialize } = protocol;

/** What the Prisma adapter calls on its client (the database or a transaction). */
export type StatementClient = Pick<PGlite, "query" | "exec" | "transaction">;

interface Statement {
  name: string;
  paramTypes: number[];
  /** The statement's RowDescription, none for a statement that returns no rows. */
  columns: BackendMessage | null;
}

/**
 * Prisma's classic engines kept a cache of prepared statements on each
 * PostgreSQL connection (100 by default); the PGlite driver adapter sends
 * every query as an unnamed statement instead, so PGlite parses and plans it
 * again each time, in six protocol round trips. Planning is most of a short
 * query's cost here: 1.0 ms of CPU for the firm-edition query against 0.4 ms
 * when prepared.
 *
 * This client keeps the same kind of cache in front of one PGlite: a query's
 * text is parsed and described once, as a named statement; later runs only
 * bind, execute and sync, in one round trip. PostgreSQL keeps the statement's
 * plan (a generic one once it is as good as a fresh one, as it does for any
 * driver that prepares) and replans by itself when a table it reads changes.
 * A statement whose result columns changed meanwhile (a migration) is prepared
 * again. The least recently used statements beyond `max` are closed.
 *
 * Results, errors, transactions and the locks around them are PGlite's own:
 * this only replaces how a statement reaches the database.
 */
export function withPreparedStatements(db: PGlite, max = 250): StatementClient & { preparedCount(): number } {
  const statements = new Map<string, Statement>();
  const retired: string[] = [];
  let counter = 0;

  /**
   * PGlite merges the caller's parsers into its own (one per type and array
   * type, some 300) on every query; the Prisma adapter passes the same
   * object each time, so merge once per object. PGlite sets its own parsers
   * when it opens the database.
   */
  const merged = new WeakMap<object, PGlite["parsers"]>();
  const parsersWith = (custom: QueryOptions["parsers"]): PGlite["parsers"] => {
    if (!custom) return db.parsers;
    let parsers = merged.get(custom);
    if (!parsers) merged.set(custom, (parsers = { ...db.parsers, ...custom }));
    return parsers;
  };

  const send = (parts: Uint8Array[], throwOnError = true) => db.execProtocolStream(concat(parts), { syncToFs: false, throwOnError });

  async function prepare(sql: string): Promise<Statement> {
    const name = `ponte_${++counter}`;
    const messages = await send([serialize.parse({ name, text: sql }), serialize.describe({ type: "S", name }), serialize.sync()]).catch((error: unknown) => {
      throw withQuery(error, sql, [], undefined);
    });
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(messages), columns: messages.find((message) => message.name === "rowDescription") ?? null };
    statements.set(sql, statement);
    if (statements.size > max) {
      const [oldest, { name: oldName }] = statements.entries().next().value!;
      statements.delete(oldest);
      retired.push(oldName);
    }
    return statement;
  }

  /** Closes statements pushed out of the cache; only outside a transaction, where a failed close cannot abort anything. */
  async function closeRetired() {
    if (!retired.length) return;
    const names = retired.splice(0);
    await send([...names.map((name) => serialize.close({ type: "S", name })), serialize.sync()], false);
  }

  async function run<T>(sql: string, params: unknown[] = [], options: QueryOptions | undefined, inTransaction: boolean, retry = true): Promise<Results<T>> {
    const known = statements.get(sql);
    if (known) {
      // Most recently used last.
      statements.delete(sql);
      statements.set(sql, known);
    }
    const statement = known ?? (await prepare(sql));
    const values = params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const oid = statement.paramTypes[i];
      const serializer = options?.serializers?.[oid] ?? db.serializers[oid];
      return serializer ? serializer(param) : String(param);
    });
    let messages: BackendMessage[];
    try {
      messages = await send([serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()]);
    } catch (error) {
      if (!known || !isStale(error)) throw withQuery(error, sql, params, options);
      // The statement no longer fits the schema (or was deallocated): prepare it again, and
      // close the old one (closing one that is gone already fails harmlessly).
      // Inside a transaction the error has already aborted it, as any failed statement would.
      statements.delete(sql);
      retired.push(statement.name);
      if (inTransaction || !retry) throw withQuery(error, sql, params, options);
      return run(sql, params, options, inTransaction, false);
    }
    const [result] = parse.parseResults(statement.columns ? [statement.columns, ...messages] : messages, parsersWith(options?.parsers), { ...options, parsers: undefined });
    return result as Results<T>;
  }

  const query = async <T,>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> => {
    await db._checkReady();
    return db._runExclusiveTransaction(() =>
      db._runExclusiveQuery(async () => {
        await closeRetired();
        const result = await run<T>(sql, params, options, false);
        await db.syncToFs();
        return result;
      }),
    );
  };

  const transaction = <T,>(callback: (tx: Transaction) => Promise<T>): Promise<T> =>
    db.transaction((tx) => {
      const prepared: Transaction = Object.create(tx, {
        query: {
          value: <R,>(sql: string, params?: unknown[], options?: QueryOptions) => {
            if (tx.closed) throw new Error("Transaction is closed");
            return db._runExclusiveQuery(() => run<R>(sql, params, options, true));
          },
        },
      });
      return callback(prepared);
    });

  return { query, transaction, exec: (sql, options) => db.exec(sql, options), preparedCount: () => statements.size };
}

/** The query on a database error, as PGlite's own `query` leaves it. */
function withQuery(error: unknown, query: string, params: unknown[], queryOptions: QueryOptions | undefined) {
  if (error instanceof protocol.messages.DatabaseError) Object.assign(error, { query, params, queryOptions });
  return error;
}

/** 0A000 "cached plan must not change result type"; 26000 "prepared statement … does not exist". */
function isStale(error: unknown) {
  const code = (error as { code?: string } | null)?.code;
  return code === "26000" || (code === "0A000" && /cached plan/.test(String((error as Error).message)));
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
