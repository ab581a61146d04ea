package org.carereview.consult.web.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The container image this build wrote (target/image-check, Jib on an empty base; -Pimage puts the same on a Java
 * base): not root, port 8080, the service as its entrypoint, JVM flags from the environment, and the application's
 * classes and libraries in its layers.
 */
class ImageConfigTest {

    static final Path IMAGE = Path.of("target/image-check/consult-image.tar");

    @Test
    void theImageRunsTheServiceAsAUserThatIsNotRootOnPort8080() throws IOException {
        Map<String, byte[]> files = entries(Files.newInputStream(IMAGE));
        JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json")).get(0);
        JsonNode config = new ObjectMapper().readTree(files.get(manifest.get("Config").asText())).get("config");

        assertEquals("65532:65532", config.get("User").asText());
        assertTrue(config.get("ExposedPorts").has("8080/tcp"), config.toString());
        assertEquals("/tmp", config.get("WorkingDir").asText());
        String entrypoint = config.get("Entrypoint").toString();
        assertTrue(entrypoint.startsWith("[\"java\"") && entrypoint.contains("org.carereview.consult.web.Application")
                && entrypoint.contains("-Duser.home=/tmp"), entrypoint);
        List<String> environment = new ArrayList<>();
        config.get("Env").forEach(e -> environment.add(e.asText()));
        assertTrue(environment.contains("MICRONAUT_SERVER_PORT=8080"), environment.toString());
        assertTrue(environment.stream().anyMatch(e -> e.startsWith("JAVA_TOOL_OPTIONS=") && e.contains("MaxRAMPercentage")),
                environment.toString());

        List<String> inLayers = new ArrayList<>();
        for (JsonNode layer : manifest.get("Layers")) {
            inLayers.addAll(entries(new java.util.zip.GZIPInputStream(
                    new ByteArrayInputStream(files.get(layer.asText())))).keySet());
        }
        assertTrue(inLayers.contains("app/classes/org/carereview/consult/web/Application.class"), "the service's classes");
        assertTrue(inLayers.stream().anyMatch(f -> f.startsWith("app/libs/consult-core-")), "its modules");
        assertTrue(inLayers.stream().anyMatch(f -> f.startsWith("app/resources/db/migration/") || f.startsWith("app/libs/consult-db-")),
                "its migrations");
    }

    private static Map<String, byte[]> entries(InputStream in) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (!entry.isDirectory()) {
                    String name = entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "");
                    files.put(name, tar.readAllBytes());
                }
            }
        }
        return files;
    }
}
