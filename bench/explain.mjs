/**
 * `EXPLAIN (ANALYZE, BUFFERS)` of every distinct statement the measured endpoints run, with the
 * parameters they were captured with. Writes are explained inside a transaction that is rolled
 * back. A sequential scan of a big table (more than 10,000 rows) is flagged.
 */
const SKIPPED_ROLES = new Set(['begin', 'commit', 'rollback', 'audit-append', 'session-write']);
const BIG_TABLE_ROWS = 10_000;

export async function explainStatements(client, captured, label) {
  const { rows: sizes } = await client.query(
    `SELECT c.relname, c.reltuples::bigint AS rows FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'`,
  );
  const bigTables = new Set(sizes.filter((t) => Number(t.rows) > BIG_TABLE_ROWS).map((t) => t.relname));
  const lines = [];
  const flags = [];
  const seen = new Set();
  lines.push(`EXPLAIN (ANALYZE, BUFFERS) of the hot statements at ${label}`);
  lines.push(`tables over ${BIG_TABLE_ROWS} rows: ${[...bigTables].sort().map((t) => `${t} (${sizes.find((s) => s.relname === t).rows})`).join(', ')}`);
  lines.push('');
  for (const [key, entry] of Object.entries(captured)) {
    if (!entry.statements) continue;
    // Settings the endpoint makes in its transaction (isolation, work_mem…) hold for its EXPLAIN too.
    let settings = [];
    for (const st of entry.statements) {
      if (st.role === 'begin' || st.role === 'commit' || st.role === 'rollback') settings = [];
      if (/^SET\b/i.test(st.text.trim())) {
        settings.push(st.text);
        continue;
      }
      if (SKIPPED_ROLES.has(st.role) || seen.has(st.text)) continue;
      seen.add(st.text);
      const params = st.params && st.params.length > 0 ? st.params : undefined;
      await client.query('BEGIN');
      let plan;
      try {
        for (const setting of settings) await client.query(setting);
        const result = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${st.text}`, params);
        // A filter built from a partner's grants lists thousands of values: keep the lines readable.
        plan = result.rows
          .map((r) => r['QUERY PLAN'])
          .map((line) => (line.length > 1000 ? `${line.slice(0, 1000)}… (${line.length} characters)` : line))
          .join('\n');
      } catch (error) {
        plan = `EXPLAIN failed: ${error.message}`;
      } finally {
        await client.query('ROLLBACK');
      }
      const seqScans = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]).filter((t) => bigTables.has(t));
      const sql = st.text.replace(/\s+/g, ' ').trim();
      lines.push(`=== ${key} — ${st.role}${seqScans.length ? `   *** SEQ SCAN ON BIG TABLE: ${[...new Set(seqScans)].join(', ')} ***` : ''}`);
      lines.push(`SQL: ${sql.length > 600 ? `${sql.slice(0, 600)}… (${sql.length} characters, ${st.params?.length ?? 0} parameters)` : sql}`);
      lines.push(plan);
      lines.push('');
      const time = /Execution Time: ([\d.]+) ms/.exec(plan);
      if (seqScans.length) flags.push({ endpoint: key, tables: [...new Set(seqScans)], sql: sql.slice(0, 160), executionMs: time ? Number(time[1]) : null });
    }
  }
  return { text: lines.join('\n'), flags };
}
