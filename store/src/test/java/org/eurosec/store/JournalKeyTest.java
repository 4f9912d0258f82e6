package org.eurosec.store;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal key signs with Bouncy Castle's Ed25519 arithmetic: its signatures must be exactly the
 * JDK's for the same key (Ed25519 is deterministic), verify with the JDK's Signature, and its
 * verification must refuse what the JDK refuses.
 */
class JournalKeyTest {

    @TempDir
    Path dir;

    private static String line(Path file, String prefix) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow()
                .substring(prefix.length()).trim();
    }

    @Test
    void signaturesAreTheJdksAndVerifyWithIt() throws Exception {
        Path file = dir.resolve("journal.key");
        JournalKey key = JournalKey.loadOrCreate(file);
        KeyFactory kf = KeyFactory.getInstance("Ed25519");
        PrivateKey sk = kf.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(line(file, "private:"))));
        PublicKey pk = kf.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(line(file, "public:"))));
        String hash = Journal.sha256("an entry");
        for (long seq : new long[] {1, 2, 977, Long.MAX_VALUE}) {
            String ours = key.sign("ex-1", seq, hash);
            Signature jdk = Signature.getInstance("Ed25519");
            jdk.initSign(sk);
            jdk.update(JournalKey.signed("ex-1", seq, hash));
            assertThat(ours).isEqualTo(Base64.getEncoder().encodeToString(jdk.sign()));
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(pk);
            check.update(JournalKey.signed("ex-1", seq, hash));
            assertThat(check.verify(Base64.getDecoder().decode(ours))).isTrue();
            assertThat(key.verify("ex-1", seq, hash, ours)).isTrue();
        }
        // The same key read back from its file signs the same; only the public part verifies.
        JournalKey again = JournalKey.load(file);
        assertThat(again.sign("ex-1", 5, hash)).isEqualTo(key.sign("ex-1", 5, hash));
        JournalKey pub = JournalKey.ofPublic(line(file, "public:"));
        assertThat(pub.canSign()).isFalse();
        assertThat(pub.verify("ex-1", 5, hash, key.sign("ex-1", 5, hash))).isTrue();
    }

    /**
     * Byte-identical to the JDK's signatures over many entries: six fresh keys, 100 entries each,
     * with exercise ids of every shape the store makes or a caller could pass (UUIDs, accents, CJK,
     * an empty id), sequence numbers up to the largest long and chain hashes of different content.
     */
    @Test
    void manySignaturesAreByteIdenticalToTheJdks() throws Exception {
        java.util.Random random = new java.util.Random(13);
        String[] exercises = {"3f2c9a7e-5b1d-4c8e-9f60-2a7d41b0c5e3", "ex-1", "Übung", "演习", ""};
        int checked = 0;
        for (int k = 0; k < 6; k++) {
            Path file = dir.resolve("key-" + k);
            JournalKey key = JournalKey.loadOrCreate(file);
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            Signature jdk = Signature.getInstance("Ed25519");
            jdk.initSign(kf.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(line(file, "private:")))));
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(kf.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(line(file, "public:")))));
            for (int i = 0; i < 100; i++) {
                String exercise = exercises[random.nextInt(exercises.length)];
                long seq = i % 25 == 24 ? Long.MAX_VALUE - i : 1 + random.nextInt(1_000_000);
                String hash = Journal.sha256("entry " + random.nextLong());
                String ours = key.sign(exercise, seq, hash);
                jdk.update(JournalKey.signed(exercise, seq, hash)); // the same Signature object signs one entry after another
                assertThat(ours).as("key %d, entry %d", k, i).isEqualTo(Base64.getEncoder().encodeToString(jdk.sign()));
                check.update(JournalKey.signed(exercise, seq, hash));
                assertThat(check.verify(Base64.getDecoder().decode(ours))).isTrue();
                assertThat(key.verify(exercise, seq, hash, ours)).isTrue();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(600);
    }

    @Test
    void verificationRefusesAnyChange() throws Exception {
        JournalKey key = JournalKey.loadOrCreate(dir.resolve("journal.key"));
        String hash = Journal.sha256("an entry");
        String sig = key.sign("ex-1", 7, hash);
        assertThat(key.verify("ex-1", 8, hash, sig)).as("another place").isFalse();
        assertThat(key.verify("ex-2", 7, hash, sig)).as("another exercise").isFalse();
        assertThat(key.verify("ex-1", 7, Journal.sha256("edited"), sig)).as("another hash").isFalse();
        assertThat(JournalKey.generate().verify("ex-1", 7, hash, sig)).as("another key").isFalse();
        byte[] raw = Base64.getDecoder().decode(sig);
        raw[10] ^= 1;
        assertThat(key.verify("ex-1", 7, hash, Base64.getEncoder().encodeToString(raw))).as("a flipped bit").isFalse();
        assertThat(key.verify("ex-1", 7, hash, sig.substring(0, 40))).as("cut short").isFalse();
        assertThat(key.verify("ex-1", 7, hash, "not base64!")).isFalse();
        assertThat(key.verify("ex-1", 7, hash, "")).isFalse();
    }
}
