package org.eurosec.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.eurosec.store.Journal;
import org.eurosec.store.JournalKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one journal signature and of checking one, with the JDK 17's Ed25519 provider and with
 * {@link JournalKey} (Bouncy Castle's RFC 8032 arithmetic, given the public key so it is not derived
 * again at each signature), on the same key and the messages the journal writer signs (exercise id,
 * sequence number, chain hash; a different entry each call). The JDK is measured twice: with a new
 * {@code Signature} object per entry and with one object kept by the thread and reused (after
 * {@code sign()} it is ready for the next message with the same key). {@link #setup} checks that both
 * sides give byte-identical signatures for every message used, so the figures compare the same work.
 *
 * <p>JMH runs one benchmark after another; to see both under the same machine load, alternate runs,
 * e.g. {@code for r in 1 2 3; do java -jar bench/target/benchmarks.jar 'Ed25519Benchmark.jdk'; java -jar
 * bench/target/benchmarks.jar 'Ed25519Benchmark.journalKey'; done}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Ed25519Benchmark {

    static final String EXERCISE = "3f2c9a7e-5b1d-4c8e-9f60-2a7d41b0c5e3";
    static final int MESSAGES = 256;

    JournalKey key;
    PrivateKey jdkPrivate;
    PublicKey jdkPublic;
    Signature reusedSigner;
    Signature reusedVerifier;
    final String[] hashes = new String[MESSAGES];
    final byte[][] messages = new byte[MESSAGES][];
    final String[] signatures = new String[MESSAGES];
    final byte[][] rawSignatures = new byte[MESSAGES][];
    int next;

    @Setup
    public void setup() throws Exception {
        Path dir = Files.createTempDirectory("ed25519-bench");
        Path file = dir.resolve("journal.key");
        key = JournalKey.loadOrCreate(file);
        KeyFactory kf = KeyFactory.getInstance("Ed25519");
        jdkPrivate = kf.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(line(file, "private:"))));
        jdkPublic = kf.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(line(file, "public:"))));
        Files.delete(file);
        Files.delete(dir);
        reusedSigner = Signature.getInstance("Ed25519");
        reusedSigner.initSign(jdkPrivate);
        reusedVerifier = Signature.getInstance("Ed25519");
        reusedVerifier.initVerify(jdkPublic);
        for (int i = 0; i < MESSAGES; i++) {
            hashes[i] = Journal.sha256("entry " + i);
            messages[i] = JournalKey.signed(EXERCISE, seq(i), hashes[i]);
            signatures[i] = key.sign(EXERCISE, seq(i), hashes[i]);
            rawSignatures[i] = Base64.getDecoder().decode(signatures[i]);
            reusedSigner.update(messages[i]);
            String jdk = Base64.getEncoder().encodeToString(reusedSigner.sign());
            if (!jdk.equals(signatures[i]) || !key.verify(EXERCISE, seq(i), hashes[i], jdk)) {
                throw new IllegalStateException("the JDK's and the journal key's signatures differ for entry " + seq(i));
            }
        }
    }

    private static long seq(int i) {
        return 1000 + i;
    }

    private static String line(Path file, String prefix) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow()
                .substring(prefix.length()).trim();
    }

    private int next() {
        int i = next;
        next = (i + 1) % MESSAGES;
        return i;
    }

    /** The JDK, a new Signature object for each entry (as a signer written the obvious way would do). */
    @Benchmark
    public String jdkSignNewObject() throws Exception {
        int i = next();
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(jdkPrivate);
        s.update(JournalKey.signed(EXERCISE, seq(i), hashes[i]));
        return Base64.getEncoder().encodeToString(s.sign());
    }

    /** The JDK, one Signature object per thread, reused for every entry. */
    @Benchmark
    public String jdkSignReused() throws Exception {
        int i = next();
        reusedSigner.update(JournalKey.signed(EXERCISE, seq(i), hashes[i]));
        return Base64.getEncoder().encodeToString(reusedSigner.sign());
    }

    /** What the journal writer calls: message, Bouncy Castle's signature, base64. */
    @Benchmark
    public String journalKeySign() {
        int i = next();
        return key.sign(EXERCISE, seq(i), hashes[i]);
    }

    @Benchmark
    public boolean jdkVerifyReused() throws Exception {
        int i = next();
        reusedVerifier.update(messages[i]);
        return reusedVerifier.verify(rawSignatures[i]);
    }

    /** What journal verify and the receipt check call for each entry. */
    @Benchmark
    public boolean journalKeyVerify() {
        int i = next();
        return key.verify(EXERCISE, seq(i), hashes[i], signatures[i]);
    }
}
