package dev.sqllint.extract;

/**
 * Why a query runs once per row of another: the query that gives the rows, the loop over them, and, for a query the
 * call site does not hold (a repository or mapper method, a statement prepared before the loop, a project method that
 * issues one), what it is.
 *
 * @param outer     the query whose rows the loop iterates, as written ({@code SELECT id FROM orders WHERE ...}, or
 *                  {@code orderRepository.findByStatus(...)})
 * @param loopLine  the line of the loop (or of the per-element call: {@code rows.forEach(...)})
 * @param inner     the query issued per row, when the site holds no SQL of its own; null for a site with SQL
 * @param via       the project method, one call away, that issues {@code inner} ({@code OrderService.load
 *                  (OrderService.java:40)}); null when the loop issues it directly
 * @param batchFix  the batch call that replaces the per-row one, when the API has one ({@code
 *                  orderRepository.findAllById(ids)}); else null
 * @param write     the call per row writes ({@code mapper.insertColumn(c)}, {@code repo.save(x)}): batched, not read in one
 */
public record LoopContext(String outer, int loopLine, String inner, String via, String batchFix, boolean write) {

    public LoopContext(String outer, int loopLine, String inner, String via, String batchFix) {
        this(outer, loopLine, inner, via, batchFix, false);
    }

    /** The query is issued by a project method the loop calls, not by the loop's own code. */
    public boolean oneCallAway() {
        return via != null;
    }
}
