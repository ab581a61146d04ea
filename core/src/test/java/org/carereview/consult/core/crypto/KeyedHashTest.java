package org.carereview.consult.core.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyedHashTest {

    @Test
    void isHmacSha256AsRfc4231GivesIt() {
        KeyedHash hash = new KeyedHash("Jefe".getBytes(StandardCharsets.US_ASCII));

        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                HexFormat.of().formatHex(hash.of("what do ya want for nothing?")));
    }

    @Test
    void oneKeyedHashServesManyThreadsAtOnceWithoutMixingTheirInputs() throws Exception {
        byte[] key = "rate-limit:shared-secret".getBytes(StandardCharsets.UTF_8);
        KeyedHash hash = new KeyedHash(key);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                wrong.add(threads.submit(() -> {
                    Mac fresh = Mac.getInstance("HmacSHA256");
                    fresh.init(new SecretKeySpec(key, "HmacSHA256"));
                    int mismatches = 0;
                    for (int i = 0; i < 5_000; i++) {
                        byte[] data = ("203.0.113." + thread + "/" + i).getBytes(StandardCharsets.UTF_8);
                        if (!java.util.Arrays.equals(hash.of(data), fresh.doFinal(data))) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<Integer> f : wrong) {
                assertEquals(0, f.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
