package org.carereview.consult.web;

import io.netty.util.Version;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Netty modules the service runs on are all one version (the root pom manages each of them). */
class NettyVersionsTest {

    @Test
    void everyNettyModuleOnTheClassPathIsTheSameVersion() {
        Map<String, String> versions = new TreeMap<>();
        Version.identify().forEach((module, version) -> versions.put(module, version.artifactVersion()));
        assertTrue(versions.containsKey("netty-codec-http") && versions.containsKey("netty-transport"), versions.toString());
        assertEquals(1, versions.values().stream().distinct().count(), "Netty modules at different versions: " + versions);
    }
}
