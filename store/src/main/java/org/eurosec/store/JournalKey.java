package org.eurosec.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The server's Ed25519 key that signs journal entries: each signature covers an exercise id, an
 * entry's sequence number and its chain hash, so whoever holds a signed receipt can later prove
 * that the journal still has that entry there, with that content and everything before it. The key
 * is a small text file (the private key in PKCS#8, the public key in X.509, both base64), created
 * with mode 0600 on first use; only the public part is ever served.
 */
public final class JournalKey {

    public static final String ALGORITHM = "Ed25519";
    private static final String SIGNED_PREFIX = "eurosec-journal-receipt-v1";

    private final PublicKey publicKey;
    private final Optional<PrivateKey> privateKey;
    private final String id;
    /** The raw 32-byte public key and private seed, for the signing and verifying arithmetic. */
    private final byte[] rawPublic;
    private final Optional<byte[]> seed;

    private JournalKey(PublicKey publicKey, Optional<PrivateKey> privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        byte[] x509 = publicKey.getEncoded(); // the algorithm's header, then the 32 bytes of the key
        this.rawPublic = java.util.Arrays.copyOfRange(x509, x509.length - Ed25519.PUBLIC_KEY_SIZE, x509.length);
        this.seed = privateKey.map(k -> ((java.security.interfaces.EdECPrivateKey) k).getBytes()
                .orElseThrow(() -> new IllegalStateException("this " + ALGORITHM + " private key does not give its bytes")));
        this.id = Journal.sha256(Base64.getEncoder().encodeToString(publicKey.getEncoded())).substring(0, 16);
    }

    /** A fresh key held in memory only (for an in-memory database: nothing it signs outlives the process). */
    public static JournalKey generate() {
        try {
            KeyPair kp = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new JournalKey(kp.getPublic(), Optional.of(kp.getPrivate()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no " + ALGORITHM + ": " + e.getMessage(), e);
        }
    }

    /** The key in {@code file}, created there (mode 0600, its folder 0700 when made here) if there is none yet. */
    public static JournalKey loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return load(file);
        }
        JournalKey k = generate();
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null && !Files.exists(dir)) {
                Database.createPrivateDirectory(dir);
            }
            String text = "# eurosec journal signing key (" + ALGORITHM + "); keep it private, back it up with the database\n"
                    + "private: " + Base64.getEncoder().encodeToString(k.privateKey.orElseThrow().getEncoded()) + "\n"
                    + "public: " + k.publicKeyBase64() + "\n";
            Path tmp = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(tmp);
            Database.createPrivateFile(tmp);
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.createLink(file, tmp); // fails if another process made one meanwhile: then theirs is the key
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
                return load(file);
            } catch (UnsupportedOperationException | IOException e) {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(tmp);
            return k;
        } catch (IOException e) {
            throw new BadInput(400, "key", "cannot create the journal key " + file + ": " + e.getMessage());
        }
    }

    /** The key in {@code file}: private and public part if it has both, else the public part alone (enough to verify). */
    public static JournalKey load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInput(400, "key", "cannot read the journal key " + file + ": " + e.getMessage());
        }
        String priv = null;
        String pub = null;
        for (String l : lines) {
            if (l.startsWith("private:")) {
                priv = l.substring(8).trim();
            } else if (l.startsWith("public:")) {
                pub = l.substring(7).trim();
            }
        }
        if (pub == null) {
            throw new BadInput(400, "key", file + " is not a journal key (no 'public:' line)");
        }
        try {
            KeyFactory kf = KeyFactory.getInstance(ALGORITHM);
            PublicKey pk = kf.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pub)));
            Optional<PrivateKey> sk = priv == null ? Optional.empty()
                    : Optional.of(kf.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(priv))));
            return new JournalKey(pk, sk);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new BadInput(400, "key", file + " does not hold an " + ALGORITHM + " key: " + e.getMessage());
        }
    }

    /** A public key alone, as GET /api/exercises/{id}/journal/key serves it (base64 X.509). */
    public static JournalKey ofPublic(String base64) {
        try {
            PublicKey pk = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
            return new JournalKey(pk, Optional.empty());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new BadInput(400, "public-key", "not a base64 " + ALGORITHM + " public key: " + e.getMessage());
        }
    }

    /** The first 16 hex digits of the SHA-256 of the public key (base64): names the key in receipts. */
    public String id() {
        return id;
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public boolean canSign() {
        return privateKey.isPresent();
    }

    /** The bytes a journal signature covers: a fixed prefix, the exercise id, the sequence number and the chain hash, one a line (UTF-8). */
    public static byte[] signed(String exercise, long seq, String hash) {
        return (SIGNED_PREFIX + "\n" + exercise + "\n" + seq + "\n" + hash).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The base64 signature over exercise, sequence and chain hash. Ed25519 signatures are
     * deterministic, so this is the signature the JDK's {@code Signature("Ed25519")} gives; it is
     * computed with Bouncy Castle's RFC 8032 arithmetic, several times faster than the JDK 17's, as
     * the journal writer signs every entry it commits (JournalKeyTest checks the two agree). The
     * public key is handed to the arithmetic rather than derived again from the seed, which would
     * double the work of each signature (a second scalar multiplication of the base point). Safe to
     * call from several threads at once.
     */
    public String sign(String exercise, long seq, String hash) {
        byte[] sk = seed.orElseThrow(() -> new IllegalStateException("this journal key has no private part: it can verify, not sign"));
        byte[] m = signed(exercise, seq, hash);
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(sk, 0, rawPublic, 0, m, 0, m.length, sig, 0);
        return Base64.getEncoder().encodeToString(sig);
    }

    /** Whether {@code signature} is this key's over exercise, sequence and hash. */
    public boolean verify(String exercise, long seq, String hash, String signature) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        try {
            byte[] sig = Base64.getDecoder().decode(signature);
            if (sig.length != Ed25519.SIGNATURE_SIZE) {
                return false;
            }
            byte[] m = signed(exercise, seq, hash);
            return Ed25519.verify(sig, 0, rawPublic, 0, m, 0, m.length);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
