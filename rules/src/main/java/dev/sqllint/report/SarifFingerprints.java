package dev.sqllint.report;

import dev.sqllint.engine.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SARIF {@code partialFingerprints.primaryLocationLineHash} for findings. GitHub code scanning matches an
 * alert across uploads by this value; when it is absent, the upload action hashes the source line, so a
 * finding whose line moves (an import added above it) or whose line is edited becomes a new alert and the
 * old one is closed. sqllint knows what identifies a finding better than the line text: the rule, the file
 * (relative to the reactor root, as in the SARIF), the {@code Class.member} that issues the SQL and the
 * normalised SQL itself. The line number is deliberately not part of it.
 *
 * <p>Like GitHub's own hashes, each value ends in {@code :N}, the occurrence of that hash among the findings
 * in report order, so two identical statements in one member stay two alerts.
 */
public final class SarifFingerprints {

    private SarifFingerprints() {
    }

    /** One fingerprint per finding, in the order given. */
    public static List<String> primaryLocationLineHashes(List<Finding> findings, Path reactorRoot) {
        Map<String, Integer> occurrences = new HashMap<>();
        List<String> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String hash = hash(f, reactorRoot);
            out.add(hash + ":" + occurrences.merge(hash, 1, Integer::sum));
        }
        return out;
    }

    /** The 16-hex-digit hash of what identifies a finding, without the occurrence suffix. */
    static String hash(Finding f, Path reactorRoot) {
        String identity = String.join("\u0000", f.rule(), SarifWriter.relativeUri(f.file(), reactorRoot),
                String.valueOf(f.owner()), String.valueOf(f.sql()));
        return HexFormat.of().formatHex(sha256(identity), 0, 8);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
