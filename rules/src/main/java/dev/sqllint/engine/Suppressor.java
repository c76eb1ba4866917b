package dev.sqllint.engine;

import dev.sqllint.extract.IgnoreComment;
import dev.sqllint.extract.IgnoreComments;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.extract.SuppressionScopes;
import dev.sqllint.extract.Suppressions;
import dev.sqllint.sql.Origin;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * Marks the findings the code suppresses, keeping them: a suppressed finding is still reported (counted,
 * printed at INFO, in SARIF with its justification), it only never fails the build. In order:
 * <ol>
 *   <li>{@code @SuppressWarnings("sqllint")} or {@code ("sqllint:Rule")} on a declaration around the call or
 *       the query annotation (class, method, constructor, field, local variable);</li>
 *   <li>the same on the declaration that holds the reported SQL text (the constant, the local), or on the
 *       constant the call names, in whatever file it is;</li>
 *   <li>{@code // sqllint:ignore [Rule] [reason]} on the finding's line or the line above, or on the line of
 *       the SQL site or the line above (a comment cannot go inside a text block, so it goes above the call);
 *       in a MyBatis mapper, {@code <!-- sqllint:ignore [Rule] [reason] -->} the same way, above the finding's
 *       line or above the statement's start tag.</li>
 * </ol>
 */
final class Suppressor {

    private final SuppressionScopes scopes;

    Suppressor(Collection<JavaFile> files) {
        this.scopes = new SuppressionScopes(files);
    }

    /** The marker for the findings of one file; it reads that file's ignore comments once. */
    InFile in(JavaFile file) {
        return new InFile(file.path(), IgnoreComments.of(file.unit()));
    }

    /** The marker for the findings of a file that is not Java (a MyBatis mapper), given its ignore comments. */
    InFile in(Path file, IgnoreComments comments) {
        return new InFile(file, comments);
    }

    final class InFile {
        private final Path file;
        private final IgnoreComments comments;

        private InFile(Path file, IgnoreComments comments) {
            this.file = file;
            this.comments = comments;
        }

        /** The finding, marked when the code suppresses it; {@code origin} is where its SQL text came from. */
        Finding mark(Finding finding, SqlSite site, Origin origin) {
            String rule = finding.rule();
            Suppressions annotated = site.suppressions().and(scopes.at(origin));
            if (annotated.covers(rule)) return finding.withSuppression(annotated.describe(rule));
            if (!finding.file().equals(file)) return finding;
            Optional<IgnoreComment> comment = comments.covering(rule, finding.line());
            if (comment.isEmpty() && site.file().equals(file)) comment = comments.covering(rule, site.line());
            return comment.map(c -> finding.withSuppression(c.text())).orElse(finding);
        }
    }
}
