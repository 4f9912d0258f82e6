package org.eurosec.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server gives for every acknowledged action: the exercise, the entry's sequence number
 * and chain hash, signed with the server's journal key ({@link JournalKey}). A delegation keeps its
 * receipts (one JSON object a line); {@link #check} later shows whether the journal still holds
 * each of them, unchanged and in place.
 */
public record Receipt(String exercise, long seq, String hash, String signature, String keyId) {

    public static Receipt of(Journal.Entry e) {
        return new Receipt(e.exercise(), e.seq(), e.hash(), e.signature(), e.keyId());
    }

    public ObjectNode toJson() {
        ObjectNode n = ActionCodec.JSON.createObjectNode();
        n.put("exercise", exercise).put("seq", seq).put("hash", hash).put("signature", signature).put("key_id", keyId);
        return n;
    }

    /** A receipt read from JSON; a missing or mistyped field is a {@link BadInput} naming it. */
    public static Receipt fromJson(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new BadInput(400, "receipt", "a receipt is a JSON object {\"exercise\", \"seq\", \"hash\", \"signature\", \"key_id\"}");
        }
        JsonNode r = n.has("receipt") && n.get("receipt").isObject() ? n.get("receipt") : n; // a whole 201 answer is accepted too
        for (String f : List.of("exercise", "hash", "signature", "key_id")) {
            if (!r.hasNonNull(f) || !r.get(f).isTextual()) {
                throw new BadInput(400, f, "the receipt has no '" + f + "' string");
            }
        }
        if (!r.hasNonNull("seq") || !r.get("seq").canConvertToLong()) {
            throw new BadInput(400, "seq", "the receipt has no 'seq' number");
        }
        return new Receipt(r.get("exercise").asText(), r.get("seq").asLong(), r.get("hash").asText(), r.get("signature").asText(),
                r.get("key_id").asText());
    }

    /**
     * The problems found checking {@code receipts} against an exercise's journal and the server's
     * key, each naming the receipt (by its line) and the entry: a signature that is not the key's, a
     * receipt signed by another key or for another exercise, an entry that is missing (the journal
     * was cut short or the entry removed) or whose hash differs (changed, or moved by an insertion,
     * a removal or a reordering before it). Empty when every receipt is honoured.
     */
    public static List<String> check(String exercise, List<Journal.Entry> entries, List<Receipt> receipts, JournalKey key) {
        Map<Long, String> bySeq = new HashMap<>();
        long last = 0;
        for (Journal.Entry e : entries) {
            bySeq.putIfAbsent(e.seq(), e.hash());
            last = Math.max(last, e.seq());
        }
        return check(exercise, bySeq, last, receipts, key);
    }

    /**
     * As {@link #check(String, List, List, JournalKey)} from the journal's hashes at the receipts'
     * entries ({@code hashBySeq}: entry number to hash, for those the journal has) and its last entry
     * number: what a check that reads the journal a page at a time keeps of it.
     */
    public static List<String> check(String exercise, Map<Long, String> hashBySeq, long last, List<Receipt> receipts, JournalKey key) {
        List<String> problems = new ArrayList<>();
        int line = 0;
        for (Receipt r : receipts) {
            line++;
            String which = "receipt " + line + " (entry " + r.seq() + ")";
            if (!r.exercise().equals(exercise)) {
                problems.add(which + ": it is for exercise " + r.exercise() + ", not " + exercise);
                continue;
            }
            if (!r.keyId().equals(key.id())) {
                problems.add(which + ": signed by key " + r.keyId() + ", not this server's key " + key.id());
                continue;
            }
            if (!key.verify(r.exercise(), r.seq(), r.hash(), r.signature())) {
                problems.add(which + ": the signature is not valid for this exercise, entry and hash: the receipt was altered or forged");
                continue;
            }
            String h = hashBySeq.get(r.seq());
            if (h == null) {
                problems.add(which + ": the journal has no entry " + r.seq() + " (it ends at " + last + "): acknowledged entries were removed");
            } else if (!h.equals(r.hash())) {
                problems.add(which + ": the journal's entry " + r.seq() + " is not the one acknowledged (hash " + abbrev(h) + ", receipt "
                        + abbrev(r.hash()) + "): it or an entry before it was changed, inserted, removed or reordered");
            }
        }
        return problems;
    }

    private static String abbrev(String h) {
        return h.length() > 12 ? h.substring(0, 12) + "..." : h;
    }
}
