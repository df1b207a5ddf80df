package dev.cairn.store.model;

import com.fasterxml.jackson.core.JacksonException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@value ModelPackages#CAIRN_MLP} payload: a multilayer perceptron as data only, readable without PyTorch.
 *
 * <pre>
 * bytes 0-7   "CAIRNMLP" (ASCII)
 * bytes 8-11  header length H, unsigned 32-bit little-endian
 * H bytes     header, UTF-8 JSON: {"version":1, "features":[...], "labels":[...],
 *             "layers":[{"inputs":16,"outputs":64}, ...], "activation":"relu", "output":"softmax"}
 * the rest    float32 little-endian: mean[F], scale[F], then per layer weights[outputs x inputs] (row after row)
 *             and bias[outputs]; exactly that many, nothing after
 * </pre>
 *
 * The artifact store checks the whole payload's SHA-256 and size against the manifest before this reads a byte; this
 * class then checks that the header's shapes account for every byte and that every number is finite.
 */
public final class MlpPayload {

    private static final byte[] MAGIC = "CAIRNMLP".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /** Far above any real header (feature and label names); refuses a length field that would allocate gigabytes. */
    private static final int MAX_HEADER_BYTES = 16 << 20;

    record LayerShape(int inputs, int outputs) {
    }

    record Header(int version, List<String> features, List<String> labels, List<LayerShape> layers, String activation,
            String output) {
    }

    private MlpPayload() {
    }

    public static byte[] write(MlpWeights weights) {
        var shapes = weights.layers().stream().map(l -> new LayerShape(l.inputs(), l.outputs())).toList();
        byte[] header;
        try {
            header = ManifestJson.MAPPER.writeValueAsBytes(new Header(VERSION, weights.features(), weights.labels(),
                    shapes, "relu", "softmax"));
        } catch (JacksonException e) {
            throw new IllegalStateException("an MLP header is plain data and always serialises", e);
        }
        long floats = floatCount(weights.features().size(), shapes);
        var buffer = ByteBuffer.allocate(Math.toIntExact(MAGIC.length + 4 + header.length + floats * 4))
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).putInt(header.length).put(header);
        put(buffer, weights.mean());
        put(buffer, weights.scale());
        for (MlpWeights.Dense layer : weights.layers()) {
            put(buffer, layer.weights());
            put(buffer, layer.bias());
        }
        return buffer.array();
    }

    /** @throws ModelPackageException when the bytes are not a payload this version reads, saying what is wrong */
    static MlpWeights read(byte[] payload) throws ModelPackageException {
        var buffer = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        if (payload.length < MAGIC.length + 4 || !Arrays.equals(payload, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ModelPackageException("the MLP payload does not start with CAIRNMLP");
        }
        buffer.position(MAGIC.length);
        long headerLength = Integer.toUnsignedLong(buffer.getInt());
        if (headerLength > MAX_HEADER_BYTES || headerLength > buffer.remaining()) {
            throw new ModelPackageException("the MLP payload's header length " + headerLength + " is impossible");
        }
        Header header = header(payload, buffer.position(), (int) headerLength);
        buffer.position(buffer.position() + (int) headerLength);
        long expected = floatCount(header.features().size(), header.layers()) * 4;
        if (buffer.remaining() != expected) {
            throw new ModelPackageException("the MLP payload's header describes " + expected + " bytes of weights, but "
                    + buffer.remaining() + " follow it");
        }
        int f = header.features().size();
        float[] mean = get(buffer, f);
        float[] scale = get(buffer, f);
        var layers = new ArrayList<MlpWeights.Dense>();
        try {
            for (LayerShape shape : header.layers()) {
                layers.add(new MlpWeights.Dense(shape.inputs(), shape.outputs(),
                        get(buffer, shape.inputs() * shape.outputs()), get(buffer, shape.outputs())));
            }
            return new MlpWeights(header.features(), header.labels(), mean, scale, layers);
        } catch (IllegalArgumentException e) {
            throw new ModelPackageException("the MLP payload is inconsistent: " + e.getMessage(), e);
        }
    }

    private static Header header(byte[] payload, int offset, int length) throws ModelPackageException {
        Header header;
        try {
            header = ManifestJson.MAPPER.readValue(payload, offset, length, Header.class);
        } catch (java.io.IOException e) {
            throw new ModelPackageException("the MLP payload's header is not valid JSON", e);
        }
        if (header == null || header.version() != VERSION) {
            throw new ModelPackageException("the MLP payload has format version "
                    + (header == null ? "none" : header.version()) + "; this version of Cairn reads " + VERSION);
        }
        if (!"relu".equals(header.activation()) || !"softmax".equals(header.output())) {
            throw new ModelPackageException("the MLP payload uses " + header.activation() + "/" + header.output()
                    + "; this version of Cairn computes relu/softmax only");
        }
        if (header.features() == null || header.labels() == null || header.layers() == null
                || header.layers().stream().anyMatch(l -> l == null || l.inputs() < 1 || l.outputs() < 1)) {
            throw new ModelPackageException("the MLP payload's header lacks features, labels or layer shapes");
        }
        return header;
    }

    private static long floatCount(int features, List<LayerShape> layers) {
        long count = 2L * features;
        for (LayerShape layer : layers) {
            count += (long) layer.inputs() * layer.outputs() + layer.outputs();
        }
        return count;
    }

    private static void put(ByteBuffer buffer, float[] values) {
        for (float v : values) {
            buffer.putFloat(v);
        }
    }

    private static float[] get(ByteBuffer buffer, int count) {
        float[] values = new float[count];
        buffer.asFloatBuffer().get(values);
        buffer.position(buffer.position() + count * 4);
        return values;
    }
}
