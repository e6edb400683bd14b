/**
 * The dataset-kind contract: what a `dataset.kind` in a project file means, declared once — its
 * extra fields in the file, the shape it gives the graph, how it loads (in the app and the CLI), which
 * quality metrics apply — and read by the project parser, the dataset picker, the validator, the
 * training worker, the CLI and the code generators. Nothing else switches on a kind.
 */
import type { HostDataset } from '../data/host';
import type { Toy2d } from '../data/toy2d';
import type { DataInfo } from '../shapes/infer';
import type { DatasetSpec } from './types';

/** Where a kind's bytes come from: the platform gives them (fetch in the browser, fs in Node). */
export interface DataSources {
  mnistBytes?: () => Promise<ArrayBuffer | Uint8Array>;
  /** For imported data (the app's stored datasets by hash, the CLI's --data): the loaded dataset. */
  custom?: (spec: DatasetSpec) => Promise<HostDataset>;
}

/** Reads a kind's own fields of `dataset` (beyond kind and scale); throws ProjectError with the path of a bad one. */
export type FieldsParser = (o: Readonly<Record<string, unknown>>, path: string) => Partial<DatasetSpec>;

export interface DatasetKindDef {
  /** The id in project files (`dataset.kind`). */
  id: string;
  label: string;
  description: string;
  /** Offered in the dataset picker as it is (no import, no drawing needed). */
  builtIn: boolean;
  /** A small valid `dataset` of this kind, as a project file holds it (the docs show it; the contract test reads it back). */
  example: DatasetSpec;
  /** The field names this kind reads besides `kind` and `scale` (others are refused). */
  fields: readonly string[];
  parseFields: FieldsParser;
  /** The shape of one sample and the number of classes, without loading anything. */
  info(spec: DatasetSpec): DataInfo;
  load(spec: DatasetSpec, sources: DataSources): Promise<HostDataset>;
  /** 2-D data with known modes: the toy-data quality metrics (modes covered, high-quality share) apply. */
  modes?(spec: DatasetSpec): Toy2d;
  /** The bundled MNIST: the reference classifier's metrics apply. */
  referenceClassifier?: boolean;
  /**
   * Data with known generative factors (the sprites): how to read them back from a generated sample, so
   * the factor metrics (InfoGAN's codes against the factors, class coverage) apply.
   */
  factors?: FactorModel;
  /**
   * The same loader in the exported PyTorch project: the body of data.py's `load_default()` (4-space
   * indented Python) returning (values float32 [N, ...shape] scaled for spec.scale, labels int64 [N] or
   * None). It may call data.py's read_gnvm(path, digits), toy_points(modes, std) and read_project();
   * only numbers from the spec reach the text (names and other user text are read from project.json).
   */
  pytorch?(spec: DatasetSpec): string;
  /** Module-level Python the loader calls (functions, constants), placed in data.py before `load_default()`. */
  pytorchHelpers?: string;
  /** Files the exported PyTorch project needs beside its code: path in the project -> the data source giving its bytes. */
  pytorchFiles?: Readonly<Record<string, keyof DataSources>>;
}

/** Known factors of a kind of data and a measurement of them from pixels. */
export interface FactorModel {
  /** The factors as measured; the first is the class (an index into `classes`). */
  names: readonly string[];
  classes: readonly string[];
  /** Factors that wrap around (hue, a rotation): 0 and 1 are the same value. */
  circular: readonly boolean[];
  /**
   * Factors of n samples ([n, ...shape] in the data's scale) as n × names.length values: the class index
   * (-1 when the sample shows nothing recognisable), then each factor in [0, 1], NaN where it has no value.
   */
  measure(images: Float32Array, n: number, scale: 'tanh' | 'sigmoid'): Float32Array;
}

export const defineDataset = (def: DatasetKindDef): DatasetKindDef => def;
