// The core's settings schema (crates/core/src/settings/schema.rs), written by
// `NEURANIM_WRITE_SCHEMA=1 cargo test -p neuranim-core --test settings_schema`;
// that test fails while this file and the core differ.
export const CORE_FIELDS = [
  {
    "key": "dataset",
    "label": "Data set",
    "kind": "choice",
    "options": [
      "flower",
      "noisy-circles",
      "noisy-moons",
      "blobs",
      "gaussian-quantiles",
      "circle",
      "xor",
      "gauss",
      "spiral",
      "plane",
      "multi-gaussian",
      "spiral3"
    ],
    "default": "flower",
    "applies": "restart"
  },
  {
    "key": "noise",
    "label": "Noise",
    "kind": "number",
    "min": 0.0,
    "max": 2.0,
    "default": null,
    "applies": "restart"
  },
  {
    "key": "testRatio",
    "label": "Test share",
    "kind": "number",
    "min": 0.0,
    "max": 0.9,
    "default": 0.0,
    "applies": "restart"
  },
  {
    "key": "seed",
    "label": "Seed",
    "kind": "int",
    "min": 0.0,
    "max": 4294967295.0,
    "default": 1,
    "applies": "restart"
  },
  {
    "key": "features",
    "label": "Input features",
    "kind": "features",
    "options": [
      "x1",
      "x2",
      "x1Squared",
      "x2Squared",
      "x1x2",
      "sinX1",
      "sinX2"
    ],
    "default": [
      "x1",
      "x2"
    ],
    "applies": "restart"
  },
  {
    "key": "hidden",
    "label": "Hidden layers",
    "kind": "layers",
    "maxLayers": 8,
    "min": 1.0,
    "max": 64.0,
    "default": [
      4
    ],
    "applies": "restart"
  },
  {
    "key": "activation",
    "label": "Activation",
    "kind": "choice",
    "options": [
      "tanh",
      "sigmoid",
      "relu",
      "linear"
    ],
    "default": "tanh",
    "applies": "restart"
  },
  {
    "key": "init",
    "label": "Initialiser",
    "kind": "choice",
    "options": [
      "course",
      "xavier",
      "he"
    ],
    "default": "course",
    "applies": "restart"
  },
  {
    "key": "learningRate",
    "label": "Learning rate",
    "kind": "number",
    "min": 1e-6,
    "max": 100.0,
    "default": 1.2,
    "applies": "nextUpdate"
  },
  {
    "key": "batchSize",
    "label": "Batch size",
    "kind": "batch",
    "word": "full",
    "min": 1.0,
    "max": 10000.0,
    "default": "full",
    "applies": "restart"
  },
  {
    "key": "optimizer",
    "label": "Optimizer",
    "kind": "choice",
    "options": [
      "gd",
      "momentum",
      "adam"
    ],
    "default": "gd",
    "applies": "restart"
  },
  {
    "key": "regularization",
    "label": "Regularisation",
    "kind": "choice",
    "options": [
      "none",
      "l1",
      "l2"
    ],
    "default": "none",
    "applies": "restart"
  },
  {
    "key": "regularizationRate",
    "label": "Regularisation rate",
    "kind": "number",
    "min": 0.0,
    "max": 10.0,
    "default": 0.0,
    "applies": "restart"
  }
];
export const DEFAULT_NOISE = {
  "blobs": 1.0,
  "circle": 0.0,
  "flower": 0.2,
  "gauss": 0.0,
  "gaussian-quantiles": 0.5,
  "multi-gaussian": 0.0,
  "noisy-circles": 0.3,
  "noisy-moons": 0.2,
  "plane": 0.0,
  "spiral": 0.0,
  "spiral3": 0.2,
  "xor": 0.0
};
export const DATASET_TASKS = {
  "blobs": {
    "classes": 2,
    "outputs": 1
  },
  "circle": {
    "classes": 2,
    "outputs": 1
  },
  "flower": {
    "classes": 2,
    "outputs": 1
  },
  "gauss": {
    "classes": 2,
    "outputs": 1
  },
  "gaussian-quantiles": {
    "classes": 2,
    "outputs": 1
  },
  "multi-gaussian": {
    "classes": 0,
    "outputs": 1
  },
  "noisy-circles": {
    "classes": 2,
    "outputs": 1
  },
  "noisy-moons": {
    "classes": 2,
    "outputs": 1
  },
  "plane": {
    "classes": 0,
    "outputs": 1
  },
  "spiral": {
    "classes": 2,
    "outputs": 1
  },
  "spiral3": {
    "classes": 3,
    "outputs": 3
  },
  "xor": {
    "classes": 2,
    "outputs": 1
  }
};
