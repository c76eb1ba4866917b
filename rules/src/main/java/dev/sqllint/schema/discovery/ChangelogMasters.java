package dev.sqllint.schema.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public static List<Path> find(List<Path> candidates) {
        Map<Path, String> changelogs = new LinkedHashMap<>();
        for (Path file : candidates) {
            String name = file.getFileName().toString();
            if (name.endsWith(".hbm.xml")) continue;
            try {
                if (Files.size(file) > MAX_BYTES) continue;
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                if (text.contains("databaseChangeLog")) changelogs.put(file, text);
            } catch (IOException | RuntimeException e) {
                // unreadable: the Liquibase reader reports it if anything includes it
            }
        }
        List<String> includedFiles = new ArrayList<>();
        List<String> includedFolders = new ArrayList<>();
        for (String text : changelogs.values()) {
            Matcher m = INCLUDE.matcher(text);
            while (m.find()) {
                String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                String target = value.strip().replaceFirst("^classpath\\*?:", "").replace('\\', '/').replaceFirst("^/+", "")
                        .replaceFirst("/+$", "").replaceFirst("^\\./", "");
                if (target.isEmpty()) continue;
                (m.group(1).equalsIgnoreCase("file") ? includedFiles : includedFolders).add(target);
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
        for (Path file : changelogs.keySet()) {
            String path = file.toString().replace('\\', '/');
            boolean included = fileTargets.contains(path) || fileEnds.stream().anyMatch(path::endsWith);
            String folder = (file.getParent() == null ? "" : file.getParent().toString().replace('\\', '/')) + "/";
            included |= folderParts.stream().anyMatch(folder::contains);
            if (!included) masters.add(file);
        }
        return masters;
    }
}
