package org.eurosec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a running `eurosec serve` over loopback from its own process: {@code clients} concurrent
 * delegations (spread over the exercises in the given credential files) each send information
 * requests as fast as they are answered, for {@code seconds} after a warm-up. Prints accepted
 * actions per second and the p50 / p99 latency of accepted actions; other statuses are counted.
 *
 * <p>Usage: {@code LoadDriver PORT SECONDS CLIENTS credentials.json [more.json ...]}
 */
public final class LoadDriver {

    private LoadDriver() {
    }

    record Delegation(String exercise, String state, String token) {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        ObjectMapper json = new ObjectMapper();
        List<List<Delegation>> byExercise = new ArrayList<>();
        for (String f : Arrays.asList(args).subList(3, args.length)) {
            JsonNode c = json.readTree(Files.readString(Path.of(f)));
            List<Delegation> ds = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : iterable(c.get("credentials").fields())) {
                if (e.getKey().startsWith("delegation:")) {
                    ds.add(new Delegation(c.get("exercise").asText(), e.getKey().substring(11), e.getValue().asText()));
                }
            }
            byExercise.add(ds);
        }
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        long end = warmEnd + TimeUnit.SECONDS.toNanos(seconds);
        long[][] latencies = new long[clients][];
        AtomicLong other = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int me = c;
            fs.add(pool.submit(() -> {
                List<Delegation> ds = byExercise.get(me % byExercise.size());
                Delegation d = ds.get((me / byExercise.size()) % ds.size());
                Delegation to = ds.get(((me / byExercise.size()) + 1) % ds.size());
                long[] lat = new long[1 << 20];
                int n = 0;
                HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/exercises/" + d.exercise() + "/actions"))
                        .header("Authorization", "Bearer " + d.token()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"request-information\",\"to\":\"" + to.state() + "\",\"subject\":\"load\"}"))
                        .build();
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 > end) {
                        break;
                    }
                    try {
                        HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
                        long t1 = System.nanoTime();
                        if (r.statusCode() == 201) {
                            if (t0 > warmEnd && n < lat.length) {
                                lat[n++] = t1 - t0;
                            }
                        } else {
                            other.incrementAndGet();
                        }
                    } catch (Exception e) {
                        other.incrementAndGet();
                    }
                }
                latencies[me] = Arrays.copyOf(lat, n);
                return null;
            }));
        }
        for (var f : fs) {
            f.get();
        }
        pool.shutdown();
        long total = 0;
        for (long[] l : latencies) {
            total += l.length;
        }
        long[] all = new long[(int) total];
        int k = 0;
        for (long[] l : latencies) {
            System.arraycopy(l, 0, all, k, l.length);
            k += l.length;
        }
        Arrays.sort(all);
        double rate = total / (double) seconds;
        System.out.printf("eurosec: %d clients over %d exercise(s), %d s: %d accepted actions, %.0f accepted/s, p50 %.2f ms, p99 %.2f ms, %d not accepted%n",
                clients, byExercise.size(), seconds, total, rate, pct(all, 0.50), pct(all, 0.99), other.get());
        System.out.printf("RATE %.1f%n", rate);
        System.exit(0);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }
}
