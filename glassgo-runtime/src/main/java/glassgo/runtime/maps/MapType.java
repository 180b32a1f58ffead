// MapType: the descriptor of one map type map[K]V, what the compiler emits for it and every map entry
// point reads. Mirrors type.go's maptype (key, elem, bucket types, hasher, keysize, elemsize,
// bucketsize, flags indirectkey/indirectelem/reflexivekey/needkeyupdate) and reflect's bucketOf.
package glassgo.runtime.maps;

import glassgo.runtime.malloc.GoType;

import java.util.ArrayList;
import java.util.List;

/**
 * A bucket of a map of this type, as Go lays it out ({@code bmap}):
 * <pre>
 *   tophash [8]uint8          offset 0
 *   keys    [8]keyslot        offset 8               (keyslot = key, or *key if the key is > 128 bytes)
 *   elems   [8]elemslot       offset 8 + 8·keysize   (likewise for elems)
 *   overflow *bmap            offset bucketsize − 8
 * </pre>
 * Keys and elems are grouped, not interleaved, so e.g. {@code map[int64]int8} needs no padding. The
 * bucket's pointer mask covers the key and elem pointer words and the overflow word; when neither key
 * nor elem holds pointers the bucket is noscan and the collector never scans it — its overflow buckets
 * are then kept alive by {@code hmap.extra.overflow} instead (see {@link Hmap}), exactly as in Go.
 */
public final class MapType {
    /** Keys and elems larger than this are stored indirectly, as pointers to separate objects (Go's maxKeySize). */
    public static final long MAX_KEY_SIZE = 128;
    public static final long MAX_ELEM_SIZE = 128;

    private final String name;
    private final GoType key;
    private final GoType elem;
    private final Alg hasher;
    private final boolean indirectKey;
    private final boolean indirectElem;
    private final long keySize;
    private final long elemSize;
    private final long bucketSize;
    private final GoType bucket;

    private MapType(String name, GoType key, Alg hasher, GoType elem) {
        if (hasher.size() != key.size()) {
            throw new IllegalArgumentException("maps: alg of " + hasher.size() + " bytes for key type " + key);
        }
        this.name = name;
        this.key = key;
        this.elem = elem;
        this.hasher = hasher;
        this.indirectKey = key.size() > MAX_KEY_SIZE;
        this.indirectElem = elem.size() > MAX_ELEM_SIZE;
        this.keySize = indirectKey ? 8 : key.size();
        this.elemSize = indirectElem ? 8 : elem.size();
        // No padding is needed: a Go type's size is a multiple of its alignment, so key i at 8 + i·keysize is
        // aligned, and 8·keysize is a multiple of 8, so the elems and the overflow word are too.
        this.bucketSize = Bmap.DATA_OFFSET + Bmap.BUCKET_CNT * (keySize + elemSize) + 8;
        this.bucket = bucketType();
    }

    /**
     * {@code map[K]V} with key type {@code key} (its {@link Alg} gives Go's hash and equality) and elem type
     * {@code elem}.
     */
    public static MapType of(String name, GoType key, Alg hasher, GoType elem) {
        return new MapType(name, key, hasher, elem);
    }

    private GoType bucketType() {
        List<Integer> words = new ArrayList<>();
        addSlotWords(words, Bmap.DATA_OFFSET, key, keySize, indirectKey);
        addSlotWords(words, Bmap.DATA_OFFSET + Bmap.BUCKET_CNT * keySize, elem, elemSize, indirectElem);
        String bname = "bucket(" + name + ")";
        if (words.isEmpty()) {
            return GoType.noscan(bname, bucketSize);
        }
        words.add((int) ((bucketSize - 8) / 8));
        return GoType.withPointers(bname, bucketSize, words.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void addSlotWords(List<Integer> words, long base, GoType t, long slot, boolean indirect) {
        for (int i = 0; i < Bmap.BUCKET_CNT; i++) {
            long off = base + i * slot;
            if (indirect) {
                words.add((int) (off / 8));
            } else {
                for (long w = 0; w < t.ptrdata() / 8; w++) {
                    if (t.isPointerWord(w)) {
                        words.add((int) (off / 8 + w));
                    }
                }
            }
        }
    }

    public String name() {
        return name;
    }

    public GoType key() {
        return key;
    }

    public GoType elem() {
        return elem;
    }

    public Alg hasher() {
        return hasher;
    }

    public GoType bucket() {
        return bucket;
    }

    /** Size of a key slot in a bucket (8 when indirect). */
    public long keySize() {
        return keySize;
    }

    public long elemSize() {
        return elemSize;
    }

    public long bucketSize() {
        return bucketSize;
    }

    public boolean indirectKey() {
        return indirectKey;
    }

    public boolean indirectElem() {
        return indirectElem;
    }

    public boolean reflexiveKey() {
        return hasher.reflexive();
    }

    public boolean needKeyUpdate() {
        return hasher.needKeyUpdate();
    }

    /** True when buckets hold no pointers, so overflow buckets must be kept alive through hmap.extra. */
    boolean noscanBuckets() {
        return bucket.noscan();
    }

    @Override
    public String toString() {
        return name;
    }
}
