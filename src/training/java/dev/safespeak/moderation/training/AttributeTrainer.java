package dev.safespeak.moderation.training;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.engine.FeatureExtractor;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.ImmutableDataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.RealInfo;
import org.tribuo.VariableInfo;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;

/** Trains one attribute's logistic regression with Tribuo and turns it into dense bucket weights. */
final class AttributeTrainer {

    /** The trained weights and the Tribuo model they came from (for its provenance). */
    record Trained(float[] weights, double bias, LinearSGDModel model, double maxPredictionGap) {
    }

    private static final String POSITIVE = "1";
    private static final String NEGATIVE = "0";

    private final FeatureExtractor extractor;
    private final String[] featureNames;
    private final int epochs;
    private final double learningRate;
    private final long seed;

    AttributeTrainer(FeatureExtractor extractor, int epochs, double learningRate, long seed) {
        this.extractor = extractor;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.seed = seed;
        this.featureNames = new String[extractor.buckets()];
        for (int i = 0; i < featureNames.length; i++) {
            featureNames[i] = String.format("h%07d", i);
        }
    }

    String describe() {
        return "LinearSGDTrainer(objective=LogMulticlass, optimiser=AdaGrad(" + learningRate + ", 0.1), epochs=" + epochs
                + ", minibatch=1, seed=" + seed + ")";
    }

    /**
     * Trains on the given examples.
     *
     * @param buckets feature buckets per example
     * @param values  feature values per example
     * @param truth   the attribute's label per example
     * @param weights example weights
     */
    Trained train(Attribute attribute, List<int[]> buckets, List<float[]> values, boolean[] truth, double[] weights) {
        LabelFactory factory = new LabelFactory();
        SimpleDataSourceProvenance provenance = new SimpleDataSourceProvenance(
                "safespeak " + attribute + " training examples",
                OffsetDateTime.of(2026, 11, 28, 0, 0, 0, 0, ZoneOffset.UTC), factory);
        Label pos = new Label(POSITIVE);
        Label neg = new Label(NEGATIVE);
        // The feature map is built directly from bucket counts: MutableDataset would track statistics of
        // every distinct value of every feature while adding examples, which costs minutes here.
        int[] counts = new int[extractor.buckets()];
        for (int[] b : buckets) {
            for (int x : b) {
                counts[x]++;
            }
        }
        List<VariableInfo> infos = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                infos.add(new RealInfo(featureNames[i], counts[i]));
            }
        }
        MutableDataset<Label> labelsOnly = new MutableDataset<>(provenance, factory);
        labelsOnly.add(new ArrayExample<>(pos, new String[] {featureNames[0]}, new double[] {1}));
        labelsOnly.add(new ArrayExample<>(neg, new String[] {featureNames[0]}, new double[] {1}));
        ImmutableOutputInfo<Label> outputInfo = labelsOnly.getOutputIDInfo();
        List<Example<Label>> examples = new ArrayList<>(truth.length);
        for (int i = 0; i < truth.length; i++) {
            examples.add(example(truth[i] ? pos : neg, buckets.get(i), values.get(i), (float) weights[i]));
        }
        ImmutableDataset<Label> dataset = new ImmutableDataset<>(examples, provenance, factory,
                new ImmutableFeatureMap(infos), outputInfo, false);
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(learningRate, 0.1), epochs,
                Math.max(1, truth.length / 4), 1, seed);
        LinearSGDModel model = trainer.train(dataset);
        DenseMatrix w = model.getWeightsCopy();
        int posId = model.getOutputIDInfo().getID(pos);
        int negId = model.getOutputIDInfo().getID(neg);
        var featureMap = model.getFeatureIDMap();
        int featureCount = featureMap.size();
        float[] dense = new float[extractor.buckets()];
        for (var info : featureMap) {
            int bucket = Integer.parseInt(info.getName().substring(1));
            int id = featureMap.getID(info.getName());
            dense[bucket] = (float) (w.get(posId, id) - w.get(negId, id));
        }
        double bias = w.get(posId, featureCount) - w.get(negId, featureCount);
        double gap = verify(model, dense, bias, buckets, values, pos);
        return new Trained(dense, bias, model, gap);
    }

    private ArrayExample<Label> example(Label label, int[] buckets, float[] values, float weight) {
        String[] names = new String[buckets.length];
        double[] vals = new double[buckets.length];
        for (int k = 0; k < buckets.length; k++) {
            names[k] = featureNames[buckets[k]];
            vals[k] = values[k];
        }
        ArrayExample<Label> example = new ArrayExample<>(label, names, vals);
        example.setWeight(weight);
        return example;
    }

    /** Checks on a few examples that the exported weights reproduce Tribuo's own probabilities. */
    private double verify(LinearSGDModel model, float[] dense, double bias, List<int[]> buckets, List<float[]> values,
                          Label pos) {
        double maxGap = 0;
        int step = Math.max(1, buckets.size() / 50);
        for (int i = 0; i < buckets.size(); i += step) {
            Example<Label> e = example(pos, buckets.get(i), values.get(i), 1f);
            Prediction<Label> p = model.predict(e);
            double tribuo = p.getOutputScores().get(POSITIVE).getScore();
            double z = bias;
            for (int k = 0; k < buckets.get(i).length; k++) {
                z += dense[buckets.get(i)[k]] * values.get(i)[k];
            }
            double mine = 1.0 / (1.0 + Math.exp(-z));
            maxGap = Math.max(maxGap, Math.abs(mine - tribuo));
        }
        return maxGap;
    }
}
