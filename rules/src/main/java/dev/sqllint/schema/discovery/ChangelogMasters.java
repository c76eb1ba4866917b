package dev.sqllint.schema.discovery;

import dev.sqllint.source.FileFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase master changelogs wherever a project keeps them ({@code db/changelog/db.changelog-master.yaml} is
 * only Spring Boot's default): every XML, YAML or JSON file that is a {@code databaseChangeLog} and that no other
 * changelog includes, by {@code include file} or by an {@code includeAll} of its folder.
 */
public final class ChangelogMasters {

    private static final Pattern INCLUDE = Pattern.compile(
            "(?i)\\b(file|path)\\b\\s*[=:]\\s*(?:\"([^\"]+)\"|'([^']+)'|([^\"'\\s,}>]+))");
    private static final Pattern PARENTS = Pattern.compile("^(\\.\\./)+");
    private static final long MAX_BYTES = 8L * 1024 * 1024;

    private ChangelogMasters() {
    }

    /** The masters among {@code candidates}, what each includes (or that it is no changelog) taken from {@code facts}. */
    public static List<Path> find(List<Path> candidates, FileFacts facts) {
        List<Path> changelogs = new ArrayList<>();
        List<String> includedFiles = new ArrayList<>();
        List<String> includedFolders = new ArrayList<>();
        for (Path file : candidates) {
            String name = file.getFileName().toString();
            if (name.endsWith(".hbm.xml")) continue;
            List<String> includes;
            try {
                includes = FileFacts.items(facts.answer(file, "changelog-includes", ChangelogMasters::includes));
            } catch (IOException | RuntimeException e) {
                continue; // unreadable: the Liquibase reader reports it if anything includes it
            }
            if (includes.isEmpty()) continue;
            changelogs.add(file);
            for (int i = 1; i + 1 < includes.size(); i += 2) {
                (includes.get(i).equals("file") ? includedFiles : includedFolders).add(includes.get(i + 1));
            }
        }
        // each target's forms once, not once per changelog (hundreds of each on Fineract)
        List<String> fileEnds = new ArrayList<>();
        for (String t : includedFiles) {
            fileEnds.add("/" + t);
            fileEnds.add("/" + PARENTS.matcher(t).replaceFirst(""));
        }
        Set<String> fileTargets = new HashSet<>(includedFiles);
        List<String> folderParts = new ArrayList<>();
        for (String t : includedFolders) folderParts.add("/" + PARENTS.matcher(t).replaceFirst("") + "/");
        List<Path> masters = new ArrayList<>();
        for (Path file : changelogs) {
            String path = file.toString().replace('\\', '/');
            boolean included = fileTargets.contains(path) || fileEnds.stream().anyMatch(path::endsWith);
            String folder = (file.getParent() == null ? "" : file.getParent().toString().replace('\\', '/')) + "/";
            included |= folderParts.stream().anyMatch(folder::contains);
            if (!included) masters.add(file);
        }
        return masters;
    }

    /**
     * Nothing when the file is no {@code databaseChangeLog}; else {@code changelog}, then for each include its kind
     * ({@code file}, or {@code path} for an {@code includeAll}) and its target, as a path below a classpath root.
     */
    private static String includes(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) return "";
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (!text.contains("databaseChangeLog")) return "";
        List<String> out = new ArrayList<>(List.of("changelog"));
        Matcher m = INCLUDE.matcher(text);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            String target = value.strip().replaceFirst("^classpath\\*?:", "").replace('\\', '/').replaceFirst("^/+", "")
                    .replaceFirst("/+$", "").replaceFirst("^\\./", "");
            if (target.isEmpty() || target.indexOf('\u0000') >= 0) continue;
            out.add(m.group(1).equalsIgnoreCase("file") ? "file" : "path");
            out.add(target);
        }
        return FileFacts.list(out);
    }
}
