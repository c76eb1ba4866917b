package dev.sqllint.maven;

import dev.sqllint.engine.AnalysisResult;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.doxia.module.xhtml5.Xhtml5SinkFactory;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The sqllint page of {@code mvn site}: the findings per rule and per file ({@link FindingsPage}). Listed
 * under {@code <reporting>}, {@code mvn site} renders it in the site's skin; run alone,
 * {@code mvn sqllint:report} writes a plain {@code target/site/sqllint.html}. Never fails the build: that is
 * {@code check}'s job.
 *
 * <p>Why {@link MavenReport} directly rather than maven-reporting-impl's {@code AbstractMavenReport}: the
 * report must read the sources exactly as {@code check} does, with the same parameters, which live in
 * {@link AbstractSqllintMojo}; a Java class extends one class, and {@code AbstractMavenReport.execute()} is
 * final. maven-site-plugin only needs the {@link MavenReport} interface.
 */
@Mojo(name = "report", threadSafe = true, requiresProject = true)
public class ReportMojo extends AbstractSqllintMojo implements MavenReport {

    static final String OUTPUT_NAME = "sqllint";

    /** Where {@code mvn sqllint:report} alone writes the page; {@code mvn site} sets its own. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    private File reportingOutputDirectory;

    @Parameter(defaultValue = "${project.reporting.outputEncoding}", readonly = true)
    private String outputEncoding;

    private File reportOutputDirectory;

    /** {@code mvn sqllint:report}: the page as a standalone HTML file, without the site's skin. */
    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("sqllint: skipped (sqllint.skip)");
            return;
        }
        Path dir = getReportOutputDirectory().toPath();
        String encoding = outputEncoding == null || outputEncoding.isBlank() ? "UTF-8" : outputEncoding;
        Path page = dir.resolve(getOutputName() + ".html");
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(page)) {
                Sink sink = new Xhtml5SinkFactory().createSink(out, encoding);
                new FindingsPage(analyze(), baseDir.toPath()).render(sink);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("sqllint: cannot write " + page + ": " + e.getMessage(), e);
        }
        getLog().info("sqllint: report " + page);
    }

    /** {@code mvn site}: the page's content, into the site's sink. */
    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        AnalysisResult result;
        try {
            result = analyze();
        } catch (MojoExecutionException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
        new FindingsPage(result, baseDir.toPath()).render(sink);
    }

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return FindingsPage.TITLE;
    }

    @Override
    public String getDescription(Locale locale) {
        return "Slow SQL query shapes in the project's Java code, per rule and per file.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        this.reportOutputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory != null ? reportOutputDirectory : reportingOutputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    @Override
    public boolean canGenerateReport() {
        return !skip;
    }
}
