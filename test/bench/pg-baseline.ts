import type { SqlRunner } from "~/utils/migrate.server";

/**
 * The search a team would build without Meilisearch (DESIGN.md): PostgreSQL
 * full-text search over the products' own English and Portuguese names and
 * descriptions (tsvector, names weighted above descriptions, accents folded
 * so "luminaria" finds "luminária", ranked with ts_rank), and ILIKE substring
 * matching for Chinese, which PostgreSQL cannot segment. What it does not
 * have, on purpose: the product-type names in every language, HS titles,
 * synonyms, typo tolerance, Traditional-to-Simplified folding — the things
 * Ponte's search documents and index settings add.
 *
 * Same data, same visibility as an anonymous buyer's search: published
 * products of verified, published firms. Works on PGlite and PostgreSQL.
 */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;

const ACCENTED = "áàâãäåéèêëíìîïóòôõöúùûüçñÁÀÂÃÄÅÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑ";
const PLAIN = "aaaaaaeeeeiiiiooooouuuucnaaaaaaeeeeiiiiooooouuuucn";

export interface PgBaselineSetup {
  /** How accents are folded: the unaccent extension, or translate() where it is not installed. */
  accentFolding: "unaccent" | "translate";
  /** Whether pg_trgm was available for the index behind the Chinese ILIKE. */
  trigramIndex: boolean;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function tryExec(sql: SqlRunner, statement: string): Promise<boolean> {
  try {
    await sql.exec(statement);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates the baseline's SQL functions and indexes (idempotent). The unaccent
 * and pg_trgm extensions are used when they can be created (PostgreSQL with
 * contrib; PGlite opened with `@electric-sql/pglite/contrib/unaccent` and
 * `.../pg_trgm`); without them accents are folded with translate() and the
 * Chinese match has no index.
 */
export async function preparePgBaseline(sql: SqlRunner, options: { indexes?: boolean } = {}): Promise<PgBaselineSetup> {
  // A failed CREATE EXTENSION inside a transaction would abort it: each is its own statement.
  const unaccent = await tryExec(sql, "CREATE EXTENSION IF NOT EXISTS unaccent");
  const trigram = await tryExec(sql, "CREATE EXTENSION IF NOT EXISTS pg_trgm");
  // Index builds run with a search_path of pg_catalog only (PostgreSQL 17):
  // every name the indexed functions use is schema-qualified.
  const schema = quoteIdent((await sql.query<{ schema: string }>("SELECT current_schema() AS schema"))[0].schema);
  const unaccentSchema = unaccent
    ? quoteIdent((await sql.query<{ schema: string }>("SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'"))[0].schema)
    : null;
  // unaccent() is only STABLE (its dictionary could change); pinning the
  // dictionary makes the wrapper safe to declare IMMUTABLE, so it can be indexed.
  const fold = unaccentSchema
    ? `SELECT ${unaccentSchema}.unaccent('${unaccentSchema}.unaccent'::regdictionary, lower($1))`
    : `SELECT translate(lower($1), '${ACCENTED}', '${PLAIN}')`;
  await sql.exec(`
    CREATE OR REPLACE FUNCTION ${schema}.ponte_baseline_fold(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ ${fold} $$;
    CREATE OR REPLACE FUNCTION ${schema}.ponte_baseline_tsv(config regconfig, lang text, name jsonb, description jsonb) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector(config, ${schema}.ponte_baseline_fold(coalesce(name -> lang ->> 'text', ''))), 'A')
            || setweight(to_tsvector(config, ${schema}.ponte_baseline_fold(coalesce(description -> lang ->> 'text', ''))), 'B')
      $$;
    CREATE OR REPLACE FUNCTION ${schema}.ponte_baseline_zh(name jsonb) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT concat_ws(' ', name -> 'zh-CN' ->> 'text', name -> 'zh-Hant' ->> 'text')
      $$;
  `);
  if (options.indexes !== false) {
    await sql.exec(`
      CREATE INDEX IF NOT EXISTS "Product_baseline_en_idx" ON "Product" USING gin (ponte_baseline_tsv('english', 'en', name, description));
      CREATE INDEX IF NOT EXISTS "Product_baseline_pt_idx" ON "Product" USING gin (ponte_baseline_tsv('portuguese', 'pt', name, description));
    `);
    if (trigram) {
      await sql.exec(`
        CREATE INDEX IF NOT EXISTS "Product_baseline_zh_name_idx" ON "Product" USING gin (ponte_baseline_zh(name) gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS "Product_baseline_zh_description_idx" ON "Product" USING gin (ponte_baseline_zh(description) gin_trgm_ops);
      `);
    }
  }
  return { accentFolding: unaccent ? "unaccent" : "translate", trigramIndex: trigram };
}

/** Drops what preparePgBaseline created (the extensions stay). */
export async function dropPgBaseline(sql: SqlRunner) {
  await sql.exec(`
    DROP INDEX IF EXISTS "Product_baseline_en_idx", "Product_baseline_pt_idx", "Product_baseline_zh_name_idx", "Product_baseline_zh_description_idx";
    DROP FUNCTION IF EXISTS ponte_baseline_tsv(regconfig, text, jsonb, jsonb);
    DROP FUNCTION IF EXISTS ponte_baseline_zh(jsonb);
    DROP FUNCTION IF EXISTS ponte_baseline_fold(text);
  `);
}

const PUBLIC = `p.published AND f.published AND f.verification = 'VERIFIED'`;

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface PgBaselineResult {
  /** Product ids, best first. */
  ids: string[];
  /** Products matched in all (0: the buyer sees "no results"). */
  total: number;
}

/**
 * One search, as the baseline runs it. Latin text: every word must occur
 * (websearch_to_tsquery, English or Portuguese stemming, accents folded),
 * ranked by ts_rank (names weigh more than descriptions). Text with Chinese
 * characters: every space-separated part must occur in the Chinese name or
 * description (ILIKE), products with more parts in their name first.
 */
export async function pgBaselineSearch(sql: SqlRunner, q: string, options: { limit?: number } = {}): Promise<PgBaselineResult> {
  const limit = options.limit ?? 10;
  const text = q.trim();
  if (!text) return { ids: [], total: 0 };
  let rows: { id: string; total: string | number }[];
  if (HAN.test(text)) {
    // One ILIKE per part, so that each can use the trigram index.
    const patterns = text.split(/\s+/).map((term) => `%${escapeLike(term)}%`);
    const inName = patterns.map((_, i) => `ponte_baseline_zh(p.name) ILIKE $${i + 2}`);
    const anywhere = patterns.map((_, i) => `(ponte_baseline_zh(p.name) ILIKE $${i + 2} OR ponte_baseline_zh(p.description) ILIKE $${i + 2})`);
    rows = await sql.query(
      `SELECT p.id, count(*) OVER () AS total
         FROM "Product" p JOIN "Firm" f ON f.id = p."firmId"
        WHERE ${PUBLIC} AND ${anywhere.join(" AND ")}
        ORDER BY (${inName.map((condition) => `(${condition})::int`).join(" + ")}) DESC, p.id
        LIMIT $1`,
      [limit, ...patterns],
    );
  } else {
    rows = await sql.query(
      `SELECT p.id, count(*) OVER () AS total
         FROM "Product" p JOIN "Firm" f ON f.id = p."firmId",
              websearch_to_tsquery('english', ponte_baseline_fold($1)) AS en,
              websearch_to_tsquery('portuguese', ponte_baseline_fold($1)) AS pt
        WHERE ${PUBLIC}
          AND (ponte_baseline_tsv('english', 'en', p.name, p.description) @@ en
               OR ponte_baseline_tsv('portuguese', 'pt', p.name, p.description) @@ pt)
        ORDER BY greatest(ts_rank(ponte_baseline_tsv('english', 'en', p.name, p.description), en),
                          ts_rank(ponte_baseline_tsv('portuguese', 'pt', p.name, p.description), pt)) DESC, p.id
        LIMIT $2`,
      [text, limit],
    );
  }
  return { ids: rows.map((row) => row.id), total: rows.length ? Number(rows[0].total) : 0 };
}

/** Share of these queries for which the baseline finds nothing at all. */
export async function pgBaselineZeroHitRate(sql: SqlRunner, queries: readonly string[]): Promise<number> {
  let zero = 0;
  for (const q of queries) if ((await pgBaselineSearch(sql, q, { limit: 1 })).total === 0) zero++;
  return queries.length ? zero / queries.length : 0;
}
