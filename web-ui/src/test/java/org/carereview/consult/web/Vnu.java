package org.carereview.consult.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Nu HTML Checker (vnu-jar from npm, installed by the build into web-ui/node_modules) run once over many
 * pages: every error and warning it reports, named by page.
 */
final class Vnu {

    private static final Path JAR = Path.of("node_modules/vnu-jar/build/dist/vnu.jar");

    /**
     * What the checker says of GOV.UK Frontend's own markup, which the components copy on purpose: the date
     * input's fieldset has role="group" (GovukDateInputTest holds it to GOV.UK's fixtures), an info warning only.
     */
    private static final List<String> GOVUK_ON_PURPOSE = List.of("The “group” role is unnecessary for element “fieldset”");

    private Vnu() {
    }

    /** What the checker says about each page (name to HTML), as "name: message" lines; empty when all are valid. */
    static List<String> problems(Map<String, String> pages) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("vnu.jar is missing: the build's npm ci installs it at " + JAR.toAbsolutePath());
        }
        try {
            Path dir = Files.createTempDirectory("vnu");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xss4m", "-jar", JAR.toString(), "--format", "gnu", "--also-check-css"));
            int i = 0;
            Map<String, String> names = new java.util.HashMap<>();
            for (Map.Entry<String, String> page : pages.entrySet()) {
                Path file = dir.resolve("page-" + (i++) + ".html");
                Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
                names.put(file.toString(), page.getKey());
                command.add(file.toString());
            }
            Process vnu = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(vnu.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            vnu.waitFor();
            List<String> problems = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (line.isBlank() || GOVUK_ON_PURPOSE.stream().anyMatch(line::contains)) {
                    continue;
                }
                String named = line;
                for (Map.Entry<String, String> n : names.entrySet()) {
                    named = named.replace("\"file:" + n.getKey() + "\"", n.getValue()).replace(n.getKey(), n.getValue());
                }
                problems.add(named);
            }
            return problems;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
