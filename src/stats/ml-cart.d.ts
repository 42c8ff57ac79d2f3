/** The part of ml-cart (mljs, MIT) regiosim uses: a CART classifier and its fitted tree. */
declare module 'ml-cart' {
  export interface TreeNode {
    /** Column of the split (undefined at a leaf). */
    splitColumn?: number;
    /** Rows with x[splitColumn] < splitValue go left. */
    splitValue?: number;
    left?: TreeNode;
    right?: TreeNode;
  }
  export class DecisionTreeClassifier {
    constructor(options?: { gainFunction?: 'gini'; splitFunction?: 'mean'; minNumSamples?: number; maxDepth?: number; gainThreshold?: number });
    train(x: number[][], y: number[]): void;
    predict(x: number[][]): number[];
    root: TreeNode;
  }
}
