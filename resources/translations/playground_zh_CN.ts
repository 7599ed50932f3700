<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>sample {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pre-activation z = x·Wᵀ + b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output (logits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activation a = {0}(z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normalised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after dropout (training mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>softmax (inside the loss): probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sigmoid (inside the loss): probability of class 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss per sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient g = dL/dw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update Δw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} of {2} units output 0 for every training example</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutogradView</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause training to read the graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} backward functions, {1} parameters: gradients flow from the loss (top) to the parameters (blue).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export autograd graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autograd graph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoundaryView</name>
    <message>
        <source>Predicted class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No picture for one-input classification yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ControlBar</name>
    <message>
        <source>Training controls</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvDialog</name>
    <message>
        <source>Import CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path of a .csv file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSV file: a header line, then one example per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first rows of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column the network learns to predict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic: text or few whole-number targets mean classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standardise inputs (zero mean, unit variance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescale each input column; helps when columns differ in scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The numeric columns the network reads as inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input columns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rows} rows, {cols} columns, separated by “{sep}”; first {shown} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the target column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not numeric, so it cannot be an input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic ({task})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclusive or (XOR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkerboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blobs (several classes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spiral arms (several classes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plane (regression)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaussian bumps (regression)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line, 1-D (regression)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sine wave, 1-D (regression)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data set the network learns from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a table of examples from a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many points to generate (training and test together)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much the points stray from the clean pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the points used for training; the rest is the test set (100 %: no test set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of classes (blobs and spiral arms only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed: the same seed always gives the same points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change data seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a new random set of points (new seed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data set:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which properties of each point the network reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed {feature} to the network (2-D data only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click on the plot to add points, right-click to remove them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class of the points you draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target value of the points you draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the click sets x and y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget drawn points and bring removed points back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear point edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change training share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: {name}, predicting “{target}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-D data: the network reads x alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV data: the network reads the chosen columns (Load CSV… changes them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing needs data with one or two inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class {index}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{added} points drawn, {removed} removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawController</name>
    <message>
        <source>Draw a point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a point</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EngineSession</name>
    <message>
        <source>the experiment cannot be used: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change needs a new model: the trained weights will be reset.

Apply changes and reset weights?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot apply this change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was undone because it cannot be used:

{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EngineWorker</name>
    <message>
        <source>the training process has stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the training process has stopped ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the training process could not start: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the training process stopped unexpectedly (exit code {0}); your experiment is kept — open or edit it to train again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the training process stopped before answering</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to write the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export an untrained model?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}.

Export anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} could not be written:
{1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” has unsaved changes. Save them first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiments (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} cannot be used:
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiments (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} could not be written:
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export plot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPlot</name>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HyperParamEditor</name>
    <message>
        <source>Step size: how far each update moves the weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps a share of the previous step, smoothing the path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-ahead momentum (needs momentum &gt; 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shrinks every weight a little at each step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decay of the running mean of gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decay of the running mean of squared gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiny number that avoids dividing by zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divide by the gradient&apos;s variance, not its raw square</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How fast the learning rate shrinks over steps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LearningTools</name>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autograd graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the lesson panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the step-by-step maths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the autograd graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Torch Playground starts in the new language the next time it opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Choose a lesson…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a guided experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the answer and the app&apos;s numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Try this&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the lesson again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoable: the lesson&apos;s own experiment, as it was opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guided experiments from the classic PyTorch exercises. Choose one to open it; its text appears here, beside the plots.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Loss&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Loss&lt;/b&gt; &amp;nbsp; train {0} &amp;nbsp;·&amp;nbsp; test {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {0} panel is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stopped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MathsPanel</name>
    <message>
        <source>first {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training samples to follow (indices from 0), at most {0}, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The samples the next training step will use (at most {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training runs: pause it to follow the current step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {0} on samples {1}: nothing is trained until you press Step or Train.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>norm scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>norm shift</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Plot as PNG/SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Classroom mode (shown panels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Torch Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no examples found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Torch Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Torch Playground {0}&lt;/b&gt;&lt;p&gt;Build a multilayer perceptron and watch real PyTorch train it, live. Inspired by TensorFlow Playground.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricPlot</name>
    <message>
        <source>Accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Accuracy&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; &amp;nbsp; train {1} &amp;nbsp;·&amp;nbsp; test {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <source>What the network reads; change it in the data panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by the task, the loss and the number of classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden layers, from input (top) to output (bottom)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a hidden layer at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert a hidden layer above the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected (or last) hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected layer towards the input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected layer towards the output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the weights are set before training starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights and biases the optimizer adjusts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PyTorch module this network is; copy it into your own code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input layer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output layer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight init:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neurons in this layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The non-linearity applied after this layer; the small plot shows it (solid) and its derivative (dashed) over [−4, 4]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of this layer&apos;s outputs zeroed at random while training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalisation between the linear layer and the activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change layer {index}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change weight init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># The data cannot be read, so the network&apos;s shape is unknown:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{names} ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># {loss} applies the softmax to these logits itself;
# class probabilities: torch.softmax(model(x), dim=1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># {loss} applies the sigmoid to this logit itself;
# probability of class 1: torch.sigmoid(model(x))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one score (logit) per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one logit: class 1 against class 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the predicted value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{width} ({meaning})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Scoreboard</name>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test R²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diverged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusDisplay</name>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diverged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped by an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} steps/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingActions</name>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train, pause or resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train one batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train one epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop training, keep the weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fresh weights from the seed; history starts over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>the training process did not answer in time ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the trained model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>What training minimises: how wrong the predictions are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean over the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum over the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the loss combines a batch&apos;s examples (PyTorch&apos;s reduction); a sum makes the steps grow with the batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change loss reduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule that turns gradients into weight updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L1 penalty: pushes weights to exactly zero (sparse network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change L1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 penalty: keeps weights small, for smoother decision boundaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change L2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples per gradient step; small batches are noisier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes over the training data; 0 trains until you stop it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change training seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed for initial weights, shuffling and dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the tensors live: the CPU or a GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>float32 (single precision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>float64 (double precision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number precision; float64 is slower but more exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss and optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{device} (not available here)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lessons</name>
    <message>
        <source>Linear regression, as in d2l</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover y = 2·x₁ − 3.4·x₂ + 4.2 from 1,000 noisy samples with a single nn.Linear(2, 1), exactly as the d2l book does: minibatches of 10, SGD with learning rate 0.03, three epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Train**. Three epochs are 300 steps and take a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When it stops, compare the learned weights with the true ones in the table below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the **Maths** tab and press **Step** to follow one minibatch update: w ← w − lr · ∂L/∂w.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss falls from 33 to about 0.0001 during the first epoch and then stays there. The model starts from zero, which is fine for a network without hidden layers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why does the loss stop near 0.0001 instead of reaching 0?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The labels carry noise with standard deviation 0.01. Even the true line leaves squared errors of 0.01² = 0.0001 on average, so no line can do better than that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>| | w₁ | w₂ | b |
|---|---|---|---|
| true | 2 | −3.4 | 4.2 |
| learned in 3 epochs | 1.99991 | −3.40008 | 4.19902 |

The training loss is 33.0 at the start, 0.00026 after one epoch and 0.00009 after three. With learning rate 0.003 it is still 0.91 after three epochs (w = [1.61, −2.88], b = 3.49); with one batch of 1,000 it is 22.8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate 0.003</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ten times smaller: after three epochs the weights are still far from the true ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One batch of 1,000 (full batch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One step per epoch: three steps of gradient descent are not nearly enough.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One neuron by hand: two samples, one step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow one step of gradient descent with numbers small enough to check on paper: x = [[0.5, −1.5], [1, 1]], y = [1, 0], W = [[0.3, −0.2]], b = [0.1], mean squared error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the **Maths** tab. It shows the forward pass, the loss, dL/d(output), every gradient and the update for both samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the output by hand: ŷ = x·Wᵀ + b = [0.55, 0.2].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Step** once: W and b move by −lr × gradient, with lr = 0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss = ((0.55 − 1)² + (0.2 − 0)²) / 2 = 0.12125; dL/dŷ = 2(ŷ − y) / 2 = [−0.45, 0.2]; dW = [−0.025, 0.875]; db = −0.25.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is the gradient of the second weight (0.875) so much larger than that of the first (−0.025)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dW = Σᵢ dL/dŷᵢ · xᵢ. For w₁ the two samples pull in opposite directions (−0.45 · 0.5 + 0.2 · 1 = −0.025); for w₂ they pull the same way (−0.45 · (−1.5) + 0.2 · 1 = 0.875).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First step, lr = 0.1: loss 0.12125, dW = [−0.025, 0.875], db = −0.25, so W becomes [[0.3025, −0.2875]] and b becomes [0.125]. The loss on the two points is then 0.05258. After 20 steps it is 0.00000002: W = [[0.29766, −0.45944]] and b = [0.16193] fit both points exactly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum instead of mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reduction=&apos;sum&apos; adds the two samples&apos; losses instead of averaging them, so every gradient doubles: dW = [−0.05, 1.75], db = −0.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logistic regression: one sigmoid neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A single neuron followed by a sigmoid separates two Gaussian clouds. Its decision boundary is the straight line where w·x + b = 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Train** and watch the boundary settle between the two clouds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at the **Network** tab: the model is one nn.Linear(2, 1). The sigmoid is inside nn.BCEWithLogitsLoss, which is more exact than a separate nn.Sigmoid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the circle below and watch one neuron fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy reaches 100 % within a few epochs: the clouds barely overlap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can one neuron draw a curved boundary?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No. σ(w·x + b) = 0.5 exactly where w·x + b = 0, and that is a straight line. A curve needs hidden layers, or derived inputs such as X₁² and X₂².</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>| data | training accuracy | test accuracy |
|---|---|---|
| two Gaussians | 100 % | 100 % |
| circle | 58 % | 56 % |
| circle with X₁², X₂² | 100 % | 99 % |

All after 20 epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circle data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No straight line separates a disc from a ring around it: accuracy stays near 50 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circle with X₁² and X₂² inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With squared inputs the same single neuron draws a circle: x₁² + x₂² &lt; r² is linear in them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XOR needs a hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclusive or is the classic problem a linear model cannot solve: the two classes sit in opposite corners. One hidden layer solves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Train** with no hidden layer and watch the accuracy stall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Add a hidden layer** below, then **Train** again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the two decision boundaries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a hidden layer the boundary is one straight line and accuracy stays below 80 %. With four tanh units the boundary bends around the corners and accuracy reaches 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many straight lines does XOR need, and what does each hidden unit draw?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two: each hidden unit draws one line (where its pre-activation is zero), and the output layer combines the two half-planes. Two units are enough in principle; four train more reliably.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>| model | training accuracy | test accuracy | training loss |
|---|---|---|---|
| no hidden layer | 67 % | 63 % | 0.665 |
| 4 tanh units | 100 % | 100 % | 0.040 |
| no hidden layer, X₁X₂ input | 100 % | 100 % | 0.005 |

All after 60 epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a hidden layer (4 tanh units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four tanh units bend the boundary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hidden layer, but the X₁X₂ input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product X₁·X₂ is positive in one pair of corners and negative in the other: with it, a linear model solves XOR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zero initialisation: units that stay identical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If every hidden unit starts with the same weights, they all compute the same thing, get the same gradient and stay identical for ever: the layer behaves like a single unit. Zero init is the usual way to fall into this trap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hidden layer starts at zero, and the output layer gives every hidden unit the same weight (0.5 for class 1, −0.5 for class 0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Train**. The loss falls, so the units do learn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the **Maths** tab: all four hidden units have the same pre-activation, activation and gradient for every sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **PyTorch&apos;s default init** below and train again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After training, the four rows of the hidden layer&apos;s weight (0.weight) are still equal, and accuracy stays far below 100 % on XOR, which needs at least two different units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why doesn&apos;t the playground zero the output layer too?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a zero output layer a tanh or ReLU net sits on a flat point: the hidden activations are tanh(0) = 0, so the output weights get no gradient, and the hidden weights get W_outᵀ·δ = 0. Only the output bias learns. That is why the Zeros init zeroes only the hidden layers. Try it below. (With ReLU even this lesson stays stuck: PyTorch takes ReLU&apos;s slope at 0 to be 0.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>| start | training loss | training accuracy | test accuracy |
|---|---|---|---|
| zero hidden layer, equal output weights | 0.702 → 0.560 | 74 % | 66 % |
| PyTorch&apos;s default init | 0.764 → 0.110 | 98 % | 100 % |
| zero hidden layer, random output layer | 0.702 → 0.320 | 89 % | 85 % |
| everything zero | 0.702 → 0.693 | 51 % | 56 % |

With equal output weights the four rows of 0.weight are still identical after 60 epochs. With a random output layer they differ, but their weight vectors stay almost parallel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch&apos;s default init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random starting weights break the symmetry: each unit learns its own line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random output layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zeros keeps the hidden layer at zero but leaves the output layer random. Then the units get different gradients, but at first all along the same direction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zero output layer too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything at zero: only the output bias can learn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate: too small, right, too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same line fit with three learning rates. Too small crawls, a good one converges in an epoch, too large overshoots further at every step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Train** with learning rate 0.02 and watch the loss curve drop at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Too small** below and train again: the curve barely moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Too large**: the loss climbs instead of falling, until it is no longer a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss plot (switch on **View ▸ Log-scale loss** to compare the three).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why does a learning rate above about 0.12 make this fit diverge?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For squared error, each step multiplies the error along a direction by (1 − 2·lr·λ), where λ is the mean of x² along it (about 8.3 here, for x in [−5, 5]). Above lr = 2 / (2·8.3) ≈ 0.12 that factor is below −1: each step overshoots by more than it corrects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>| learning rate | loss at start | after 1 epoch | after 10 epochs |
|---|---|---|---|
| 0.0005 | 33.2 | 28.2 | 6.7 |
| 0.02 | 33.2 | 0.32 | 0.195 |
| 0.15 | 33.2 | 20,475 | 2·10²² |

With 0.15, keep training (raise Epochs) and the loss becomes infinite: the app stops and says so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too small: 0.0005</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forty times smaller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too large: 0.15</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Just above the stable limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation functions, and softmax over three classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sigmoid, tanh, ReLU and LeakyReLU on the same three-arm spiral with the same budget. The output has one logit per class; softmax turns them into probabilities that add up to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at the small plots beside each activation in the **Network** tab: each function (solid) and its derivative (dashed) over [−4, 4].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Train** with sigmoid units, then try the other activations below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the **Maths** tab: the last row shows the softmax probabilities of each sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sigmoid&apos;s slope is at most 0.25, so its gradients shrink at every layer and training crawls; tanh, ReLU and LeakyReLU learn the spiral in the same 40 epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why does CrossEntropyLoss take logits and not probabilities?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It applies log-softmax itself, in one numerically stable step. Adding an nn.Softmax layer before it would apply softmax twice and make the gradients small.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>| activation | training accuracy | test accuracy |
|---|---|---|
| Sigmoid | 49 % | 59 % |
| Tanh | 99 % | 98 % |
| ReLU | 100 % | 97 % |
| LeakyReLU | 100 % | 97 % |

All after 40 epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LeakyReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spiral: depth, width, or better inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two interleaved spirals are TensorFlow Playground&apos;s hardest set. A small network cannot follow them; a deeper, wider one can; and derived inputs such as sin(X₁) make a tiny one enough.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Train** with one hidden layer of 3 units and watch it give up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Deeper and wider** and train again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **sin inputs, 4 units**: a small network with better inputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test accuracy in the scoreboard, and the shape of the boundary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why do sin(X₁) and sin(X₂) help so much here?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spiral&apos;s arms alternate as the radius grows, and sine features already alternate in space. The network only has to combine them instead of building the waves out of straight lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>| network | training accuracy | test accuracy |
|---|---|---|
| 1 × 3 tanh | 71 % | 65 % |
| 2 × 8 tanh | 99.5 % | 94.5 % |
| sin inputs, 1 × 4 tanh | 99.5 % | 95 % |

All after 160 epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deeper and wider: 2 × 8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two hidden layers of 8 tanh units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sin inputs, 4 units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X₁, X₂, sin(X₁), sin(X₂) into one layer of 4 units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vanishing gradients in a deep sigmoid network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Six sigmoid layers on the circle: the gradient shrinks by a factor of four or more at every layer on its way back, so the first layers hardly learn and the loss stays at log 2 ≈ 0.693.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Train** and watch the loss stay flat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the **Maths** tab and compare the gradient of 0.weight (first layer) with that of 12.weight (output layer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **ReLU + Kaiming init** or **Tanh + Xavier init** below and train again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gradient norms per layer: about a million times smaller at the first layer than at the last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where does the factor of four per layer come from?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>σ′(z) = σ(z)(1 − σ(z)) is at most 0.25. Backpropagation multiplies by σ′ once per layer, and by small weights as well, so six layers shrink the signal by 4⁶ ≈ 4,000 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>| network | training loss | training accuracy | test accuracy |
|---|---|---|---|
| 6 × 8 sigmoid | 0.694 | 51 % | 49 % |
| 6 × 8 ReLU, Kaiming init | 0.027 | 100 % | 100 % |
| 6 × 8 tanh, Xavier init | 0.012 | 100 % | 100 % |

All after 30 epochs. In the sigmoid network, the gradient norm on the last step is about 10⁻⁶ for 0.weight and 0.46 for 12.weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU + Kaiming init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU&apos;s slope is 1 for positive inputs; Kaiming init keeps the signal&apos;s size from layer to layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanh + Xavier init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tanh&apos;s slope is 1 at 0; Xavier init scales the weights to the layer sizes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead ReLUs after a too-large learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ReLU unit whose input is negative for every example outputs 0 and gets gradient 0: it never recovers. One big step can push many units there at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Train** with learning rate 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the **Maths** tab: it counts the units that output 0 for every training example.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Learning rate 0.1** or **LeakyReLU** below and train again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With learning rate 2, half of the first layer and the whole second layer die within the first epoch, and accuracy falls back to guessing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why does LeakyReLU not die in the same way?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its slope for negative inputs is 0.01 rather than 0, so a unit that is negative everywhere still gets a small gradient and can come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>| run | dead units (layer 1, layer 2) | training accuracy | test accuracy |
|---|---|---|---|
| ReLU, learning rate 2 | 8 of 16, 16 of 16 | 51 % | 49 % |
| ReLU, learning rate 0.1 | 0, 1 | 100 % | 100 % |
| LeakyReLU, learning rate 2 | none | 100 % | 97 % |

All after 20 epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate 0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LeakyReLU at learning rate 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overfitting, L2 and dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fifteen noisy training points and a network with more than a thousand weights: it can pass through every point and be wrong in between. L2 and dropout pull it back towards a smooth curve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Train** and watch the curve start to wiggle through the noisy points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the training loss with the test loss in the scoreboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **L2 0.01** or **Dropout 0.3** below and train again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gap between training and test loss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why does a smaller training loss give a larger test loss here?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past a point, the network fits the noise in the fifteen training points rather than the sine wave, and that noise is different at the test points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>| run | training loss | test loss | test R² |
|---|---|---|---|
| no regularisation | 0.028 | 0.363 | 0.40 |
| L2 0.01 | 0.028 | 0.228 | 0.62 |
| dropout 0.3 | 0.063 | 0.184 | 0.70 |

All after 200 epochs (mean squared error).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 0.01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds 0.01·Σw² to the loss: large weights, and sharp wiggles, cost more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout 0.3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drops 30 % of the hidden units at random at each step, so no unit can rely on another to fit one point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Softmax regression on a table with ten features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four classes measured by ten features on very different scales. Softmax regression (one nn.Linear(10, 4) and cross-entropy) gets most of them right, and the confusion matrix shows where it does not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Train** and look at the confusion matrix: rows are the true classes, columns the predicted ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the two classes the model confuses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press **Add a hidden layer** below: does a bigger model fix it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A and D are always right; B and C are mixed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why doesn&apos;t a hidden layer help much?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B and C overlap in the data themselves: their measurements come from neighbouring distributions. No model can separate points that sit in the same place; only better features could.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test accuracy 82.5 % (training 83.6 %) after 30 epochs. The confusion matrix on the 120 test rows:

| true ↓ / predicted → | A | B | C | D |
|---|---|---|---|---|
| A | 31 | 0 | 0 | 0 |
| B | 0 | 16 | 13 | 0 |
| C | 0 | 7 | 23 | 0 |
| D | 0 | 0 | 1 | 29 |

With a hidden layer of 16 ReLU units the test accuracy is 82.5 % again; without standardisation it is 73 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a hidden layer (16 ReLU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without standardisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw features range from −60 to 150: the steps for the largest ones dominate and training stumbles.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>registry</name>
    <message>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LeakyReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ELU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GELU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SiLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Softplus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity (linear)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Softmax (over the layer&apos;s units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary cross-entropy (logits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean absolute error (L1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xavier (uniform)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xavier (normal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kaiming (uniform)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kaiming (normal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zeros for hidden layers (shows the symmetry problem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BatchNorm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LayerNorm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>β₁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>β₂</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epsilon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing (α)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning-rate decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto (best available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>runner</name>
    <message>
        <source>training diverged; reset the weights to start again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the loss became {0} at step {1}; try a smaller learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no model to train yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not available here; training on the CPU instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reached the epoch limit ({0}); raise Epochs to train on</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>finished %n epoch(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>out of memory; try a smaller model, batch size or data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GPU reported an error: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
