package org.carereview.consult.web.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * compose.yaml read as Compose would (no Docker here to run {@code docker compose config}): the four services and
 * what each must have, the proxy's own file, and every variable it needs named in .env.example.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of("..");

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileHasTheDatabaseTwoCheckedReplicasBehindTheProxyAndAMailCatcher() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("compose.yaml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertEquals(Set.of("db", "app", "proxy", "mail"), services.keySet());
        services.forEach((name, service) -> assertTrue(service.containsKey("image"), name + " names its image"));

        assertEquals("postgres:17", services.get("db").get("image"));
        Map<String, Object> app = services.get("app");
        assertEquals(2, ((Map<String, Object>) app.get("deploy")).get("replicas"));
        assertFalse(app.containsKey("ports"), "only the proxy is reachable: it writes X-Forwarded-For itself");
        String health = String.valueOf(((Map<String, Object>) app.get("healthcheck")).get("test"));
        assertTrue(health.contains("GET /health"), health);
        Map<String, Object> environment = (Map<String, Object>) app.get("environment");
        assertEquals("true", environment.get("CONSULT_TRUST_FORWARDED_FOR"));
        assertEquals("service_healthy", ((Map<String, Map<String, Object>>) app.get("depends_on")).get("db").get("condition"));

        List<String> volumes = (List<String>) services.get("proxy").get("volumes");
        assertTrue(volumes.contains("./deploy/nginx.conf:/etc/nginx/nginx.conf:ro"), volumes.toString());
        String nginx = Files.readString(ROOT.resolve("deploy/nginx.conf"));
        assertTrue(nginx.contains("proxy_set_header X-Forwarded-For $remote_addr;"), "replaces what a client sent");
        assertTrue(nginx.contains("proxy_set_header X-Request-Id $request_id;"));
        assertTrue(nginx.contains("keepalive_timeout 50s;"), "closes idle connections before a replica does (75 s)");
        assertFalse(nginx.contains("$remote_addr $") || nginx.contains("$request "), "its log names no client or query");
    }

    @Test
    void everyVariableTheComposeFileRequiresIsInTheExampleEnvironment() throws IOException {
        String compose = Files.readString(ROOT.resolve("compose.yaml"));
        Set<String> example = new HashSet<>();
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
            if (line.contains("=") && !line.startsWith("#")) {
                example.add(line.substring(0, line.indexOf('=')).strip());
            }
        }
        Matcher required = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(compose);
        int found = 0;
        while (required.find()) {
            found++;
            assertTrue(example.contains(required.group(1)), required.group(1) + " is required but not in .env.example");
        }
        assertTrue(found > 0, "the file requires its secrets");
    }
}
