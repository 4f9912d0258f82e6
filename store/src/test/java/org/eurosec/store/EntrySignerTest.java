package org.eurosec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch's entries signed on several threads: each entry gets exactly the signature signing it
 * alone gives (Ed25519 is deterministic), over its own exercise, sequence number and chain hash, and
 * the entries come back in the order given.
 */
class EntrySignerTest {

    /** {@code n} entries chained over three exercises, unsigned, in the order a writer would chain them. */
    static List<Journal.Entry> chained(int n) {
        List<Journal.Entry> out = new ArrayList<>();
        String[] exercises = {"ex-a", "ex-b", "ex-c"};
        long[] seq = new long[3];
        String[] prev = {Journal.GENESIS, Journal.GENESIS, Journal.GENESIS};
        for (int i = 0; i < n; i++) {
            int x = i % 3;
            seq[x]++;
            String body = "{\"kind\":\"request-information\",\"to\":\"GEO\",\"subject\":\"entry " + i + "\"}";
            String at = "2026-11-28T12:00:" + String.format("%02d", i % 60) + "Z";
            String h = Journal.hash(exercises[x], seq[x], at, at, "delegation:RUS", "request-information", body, prev[x]);
            out.add(new Journal.Entry(exercises[x], seq[x], at, at, "delegation:RUS", "request-information", body, prev[x], h));
            prev[x] = h;
        }
        return out;
    }

    @Test
    void aBatchSignedInParallelIsTheBatchSignedOneByOneInOrder() {
        JournalKey key = JournalKey.generate();
        try (EntrySigner signer = new EntrySigner(key, 4)) {
            for (int n : new int[] {0, 1, EntrySigner.MIN_PER_THREAD * 2 - 1, EntrySigner.MIN_PER_THREAD * 2, 97, 512}) {
                List<Journal.Entry> unsigned = chained(n);
                long helpedBefore = signer.signedByHelpers();
                List<Journal.Entry> signed = signer.sign(unsigned);
                assertThat(signed).hasSize(n);
                for (int i = 0; i < n; i++) {
                    Journal.Entry u = unsigned.get(i);
                    Journal.Entry s = signed.get(i);
                    assertThat(s).as("entry %d of %d", i, n).isEqualTo(u.signedBy(key));
                    assertThat(s.keyId()).isEqualTo(key.id());
                    assertThat(key.verify(s.exercise(), s.seq(), s.hash(), s.signature())).isTrue();
                    // Its own place: the signature of no other entry of the batch.
                    if (i > 0) {
                        Journal.Entry other = unsigned.get(i - 1);
                        assertThat(key.verify(other.exercise(), other.seq(), other.hash(), s.signature())).isFalse();
                    }
                }
                long helped = signer.signedByHelpers() - helpedBefore;
                if (n < EntrySigner.MIN_PER_THREAD * 2) {
                    assertThat(helped).as("a batch of %d is signed by the writer alone", n).isZero();
                } else {
                    assertThat(helped).as("a batch of %d is shared with the helpers", n).isPositive().isLessThan(n);
                }
                // The chain of each exercise still verifies, now signed.
                for (String ex : List.of("ex-a", "ex-b", "ex-c")) {
                    List<Journal.Entry> mine = signed.stream().filter(e -> e.exercise().equals(ex)).toList();
                    assertThat(Journal.verify(mine)).isEmpty();
                    assertThat(Journal.verifySignatures(mine, key, true)).isEmpty();
                }
            }
        }
    }

    @Test
    void oneThreadSignsAloneAndAgrees() {
        JournalKey key = JournalKey.generate();
        List<Journal.Entry> unsigned = chained(40);
        try (EntrySigner alone = new EntrySigner(key, 1); EntrySigner four = new EntrySigner(key, 4)) {
            assertThat(alone.sign(unsigned)).isEqualTo(four.sign(unsigned));
            assertThat(alone.signedByHelpers()).isZero();
        }
    }
}
