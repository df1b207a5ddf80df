package dev.cairn.store.model;

import com.fasterxml.jackson.core.JacksonException;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.cairn.store.artifact.ArtifactRef;
import dev.cairn.store.artifact.ArtifactStorage;
import dev.cairn.store.artifact.MissingArtifactException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import dev.cairn.store.text.TextVocabularies;
import dev.cairn.store.text.TextVocabulary;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;

/**
 * Saves and loads model packages: a Tribuo protobuf payload and a JSON {@link ModelManifest}, each
 * stored as its own artifact. The manifest's digest names the package; the manifest names the
 * payload's digest, which is checked before a single byte is deserialised. Java serialization is
 * never used: deserialising untrusted bytes with it can run arbitrary code, while a protobuf
 * payload is only data.
 */
public final class ModelPackages {

    /** The payload format of every Tribuo model. */
    public static final String TRIBUO_PROTOBUF = "tribuo-protobuf";
    public static final String TRIBUO = "tribuo";
    /** The payload format of an {@link MlpModel} ({@link MlpPayload}): weights as float32, read by plain Java. */
    public static final String CAIRN_MLP = "cairn-mlp";
    /** The framework named by an MLP's manifest: Cairn's own forward pass (trained with DJL, see the lineage). */
    public static final String CAIRN = "cairn";

    private ModelPackages() {
    }

    /**
     * Stores the model's payload, then its manifest with the payload's digest and size, format and
     * Tribuo version filled in.
     *
     * @param manifest everything else about the model; for a classifier, when its {@code labels} are
     *        null they are taken from the model, sorted
     * @return the manifest's address, which names the package
     * @throws IllegalArgumentException if the manifest's labels are not the ones the model answers, or
     *         its task is not the model's
     */
    public static ArtifactRef save(ArtifactStorage storage, ModelManifest manifest, Model<?> model)
            throws IOException {
        Class<? extends Output<?>> expected = manifest.isRegression() ? Regressor.class : Label.class;
        if (!model.validate(expected)) {
            throw new IllegalArgumentException("the manifest says the task is " + manifest.task()
                    + " but the model is not a " + expected.getSimpleName() + " model");
        }
        List<String> labels = manifest.isRegression() ? null : labelsOf(manifest, model.castModel(Label.class));
        if (model instanceof MlpModel mlp) {
            ArtifactRef payloadRef = storage.put(new ByteArrayInputStream(MlpPayload.write(mlp.weights())));
            return saveManifest(storage, manifest.withPayload(CAIRN, String.valueOf(MlpPayload.VERSION), CAIRN_MLP,
                    payloadRef, labels));
        }
        byte[] payload = model.serialize().toByteArray();
        ArtifactRef payloadRef = storage.put(new ByteArrayInputStream(payload));
        return saveManifest(storage, manifest.withPayload(TRIBUO, Tribuo.VERSION, TRIBUO_PROTOBUF, payloadRef, labels));
    }

    /**
     * Stores a manifest for a payload already in the store, e.g. the evaluate step's copy with
     * test metrics ({@link ModelManifest#withMetrics}).
     *
     * @throws MissingArtifactException if the payload it names is not stored
     */
    public static ArtifactRef saveManifest(ArtifactStorage storage, ModelManifest manifest) throws IOException {
        if (!ArtifactRef.isSha256(manifest.payloadSha256())) {
            throw new IllegalArgumentException("the manifest names no valid payload digest: " + manifest.payloadSha256());
        }
        if (!storage.exists(manifest.payloadSha256())) {
            throw new MissingArtifactException(manifest.payloadSha256());
        }
        if (manifest.textVocabulary() != null && !storage.exists(manifest.textVocabulary())) {
            throw new MissingArtifactException(manifest.textVocabulary());
        }
        byte[] json = ManifestJson.MAPPER.writeValueAsBytes(manifest);
        return storage.put(new ByteArrayInputStream(json));
    }

    /** Reads and checks a manifest without touching its payload (the registry needs no more). */
    public static ModelManifest readManifest(ArtifactStorage storage, String manifestSha256) throws IOException {
        byte[] json;
        try (InputStream in = storage.open(manifestSha256)) {
            json = in.readAllBytes(); // reading to the end verifies the digest
        }
        ModelManifest manifest;
        try {
            manifest = ManifestJson.MAPPER.readValue(json, ModelManifest.class);
        } catch (JacksonException e) {
            throw new ModelPackageException("artifact " + manifestSha256 + " is not a model manifest", e);
        }
        if (manifest == null || !ArtifactRef.isSha256(manifest.payloadSha256())) {
            throw new ModelPackageException("model manifest " + manifestSha256 + " names no valid payload digest");
        }
        if (manifest.formatVersion() > ModelManifest.CURRENT_FORMAT_VERSION) {
            throw new ModelPackageException("model manifest " + manifestSha256 + " has format version "
                    + manifest.formatVersion() + "; this version of Cairn reads up to "
                    + ModelManifest.CURRENT_FORMAT_VERSION);
        }
        return manifest;
    }

    /**
     * Reads the manifest, verifies the payload's SHA-256 and size, and only then deserialises it.
     *
     * @throws dev.cairn.store.artifact.CorruptArtifactException if either artifact's bytes changed
     * @throws ModelPackageException if the package is not one this version can load
     */
    public static LoadedModel load(ArtifactStorage storage, String manifestSha256) throws IOException {
        ModelManifest manifest = readManifest(storage, manifestSha256);
        if (manifest.isRegression()) {
            throw new ModelPackageException("model package " + manifestSha256 + " is a regression model; "
                    + "load it with loadRegression");
        }
        byte[] payload = payload(storage, manifestSha256, manifest);
        Model<?> model = CAIRN_MLP.equals(manifest.format()) ? MlpModel.of(MlpPayload.read(payload))
                : deserialise(manifestSha256, payload);
        if (!model.validate(Label.class)) {
            throw new ModelPackageException("the payload of model package " + manifestSha256
                    + " is not a classification model");
        }
        return new LoadedModel(manifest, model.castModel(Label.class), featurizer(storage, manifestSha256, manifest));
    }

    /**
     * As {@link #load}, for a package whose manifest says {@code task: regression}.
     *
     * @throws ModelPackageException if the package is not a regression model this version can load
     */
    public static LoadedRegressionModel loadRegression(ArtifactStorage storage, String manifestSha256)
            throws IOException {
        ModelManifest manifest = readManifest(storage, manifestSha256);
        if (!manifest.isRegression()) {
            throw new ModelPackageException("model package " + manifestSha256 + " is a " + manifest.task()
                    + " model, not a regression model");
        }
        if (!TRIBUO_PROTOBUF.equals(manifest.format())) {
            throw new ModelPackageException("model package " + manifestSha256 + " has payload format '"
                    + manifest.format() + "'; a regression model loads only from " + TRIBUO_PROTOBUF);
        }
        Model<?> model = deserialise(manifestSha256, payload(storage, manifestSha256, manifest));
        if (!model.validate(Regressor.class)) {
            throw new ModelPackageException("the payload of model package " + manifestSha256
                    + " is not a regression model");
        }
        return new LoadedRegressionModel(manifest, model.castModel(Regressor.class),
                featurizer(storage, manifestSha256, manifest));
    }

    /** With the package's text vocabularies, read and checked from the store when it has any. */
    private static Featurizer featurizer(ArtifactStorage storage, String manifestSha256, ModelManifest manifest)
            throws IOException {
        if (manifest.textVocabulary() == null) {
            if (manifest.readsText()) {
                throw new ModelPackageException("model package " + manifestSha256
                        + " reads text columns but names no text vocabulary");
            }
            return Featurizer.of(manifest);
        }
        if (!ArtifactRef.isSha256(manifest.textVocabulary())) {
            throw new ModelPackageException("model package " + manifestSha256 + " names no valid text vocabulary digest");
        }
        List<TextVocabulary> vocabularies = TextVocabularies.read(storage, manifest.textVocabulary());
        var columns = vocabularies.stream().map(TextVocabulary::column).collect(java.util.stream.Collectors.toSet());
        for (InputFeature input : manifest.inputSignature()) {
            if (input.type() == dev.cairn.contracts.ColumnType.TEXT && !columns.contains(input.name())) {
                throw new ModelPackageException("model package " + manifestSha256 + " has no text vocabulary for column '"
                        + input.name() + "'");
            }
        }
        try {
            return Featurizer.of(manifest, vocabularies);
        } catch (IllegalArgumentException e) {
            throw new ModelPackageException("model package " + manifestSha256 + ": " + e.getMessage(), e);
        }
    }

    /** The payload's bytes, checked against the manifest's digest and size. */
    private static byte[] payload(ArtifactStorage storage, String manifestSha256, ModelManifest manifest)
            throws IOException {
        if (!TRIBUO_PROTOBUF.equals(manifest.format()) && !CAIRN_MLP.equals(manifest.format())) {
            throw new ModelPackageException("model package " + manifestSha256 + " has payload format '"
                    + manifest.format() + "'; this version of Cairn loads " + TRIBUO_PROTOBUF + " and " + CAIRN_MLP);
        }
        byte[] payload;
        try (InputStream in = storage.open(manifest.payloadSha256())) {
            payload = in.readAllBytes(); // throws CorruptArtifactException at the end if the digest differs
        }
        if (payload.length != manifest.payloadSize()) {
            throw new ModelPackageException("model package " + manifestSha256 + " says its payload has "
                    + manifest.payloadSize() + " bytes, but it has " + payload.length);
        }
        return payload;
    }

    private static Model<?> deserialise(String manifestSha256, byte[] payload) throws ModelPackageException {
        Model<?> model;
        try {
            ModelProto proto = ModelProto.parseFrom(payload);
            // Tribuo instantiates the class the payload names; let it name only Tribuo's own.
            if (!proto.getClassName().startsWith("org.tribuo.")) {
                throw new ModelPackageException("the payload of model package " + manifestSha256
                        + " names class '" + proto.getClassName() + "', which is not a Tribuo model");
            }
            model = Model.deserialize(proto);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new ModelPackageException("the payload of model package " + manifestSha256
                    + " is not a Tribuo model this version can read", e);
        }
        return model;
    }

    private static List<String> labelsOf(ModelManifest manifest, Model<Label> model) {
        Set<String> answered = new TreeSet<>();
        model.getOutputIDInfo().getDomain().forEach(label -> answered.add(label.getLabel()));
        if (manifest.labels() == null) {
            return List.copyOf(answered);
        }
        if (!Set.copyOf(manifest.labels()).equals(answered) || manifest.labels().size() != answered.size()) {
            throw new IllegalArgumentException("the manifest lists labels " + manifest.labels()
                    + " but the model answers " + answered);
        }
        return List.copyOf(manifest.labels());
    }
}
