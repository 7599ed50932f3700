<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AutogradView</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <source>Pause training to read the graph.</source>
        <translation>请先暂停训练，再读取计算图。</translation>
    </message>
    <message>
        <source>{0} backward functions, {1} parameters: gradients flow from the loss (top) to the parameters (blue).</source>
        <translation>{0} 个反向传播函数，{1} 个参数：梯度从损失（顶部）流向参数（蓝色）。</translation>
    </message>
    <message>
        <source>Export autograd graph</source>
        <translation>导出自动求导计算图</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Autograd graph</source>
        <translation>自动求导计算图</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Autosave failed: {0}</source>
        <translation>自动保存失败：{0}</translation>
    </message>
    <message>
        <source>an untitled experiment</source>
        <translation>未命名的实验</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>Torch Playground closed without saving “{0}” ({1}, autosaved {2}). Restore it?</source>
        <translation>Torch Playground 上次关闭时没有保存“{0}”（{1}，自动保存于 {2}）。要恢复它吗？</translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation>无法恢复</translation>
    </message>
</context>
<context>
    <name>BoundaryView</name>
    <message>
        <source>unsure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>Actual class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>Actual {0}</source>
        <translation>真实 {0}</translation>
    </message>
    <message>
        <source>Predicted {0}</source>
        <translation>预测 {0}</translation>
    </message>
    <message>
        <source>No picture for one-input classification yet</source>
        <translation>单输入的分类任务暂时无法绘图</translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation>类别 {0}</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>2 to 8 values, separated by commas</source>
        <translation>2 到 8 个取值，用逗号分隔</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation>保留这一个</translation>
    </message>
    <message>
        <source>Setting:</source>
        <translation>设置：</translation>
    </message>
    <message>
        <source>Values:</source>
        <translation>取值：</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>Test accuracy (%)</source>
        <translation>测试准确率 (%)</translation>
    </message>
    <message>
        <source>Training {0} variants…</source>
        <translation>正在训练 {0} 个变体…</translation>
    </message>
    <message>
        <source>Done: every variant is now a run in the Runs panel.</source>
        <translation>完成：每个变体都已成为“运行记录”面板中的一次运行。</translation>
    </message>
    <message>
        <source>Test R²</source>
        <translation>测试 R²</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>{0} (stopped at epoch {1})</source>
        <translation>{0}（停在第 {1} 轮）</translation>
    </message>
    <message>
        <source>Stopped: every variant is now a run in the Runs panel; “Keep this one” makes one the experiment.</source>
        <translation>已停止：每个变体都已成为“运行记录”面板中的一次运行；用“保留这一个”把其中一个设为当前实验。</translation>
    </message>
    <message>
        <source>Keep variant “{0}”</source>
        <translation>保留变体“{0}”</translation>
    </message>
    <message>
        <source>Kept “{0}”.</source>
        <translation>已保留“{0}”。</translation>
    </message>
</context>
<context>
    <name>ControlBar</name>
    <message>
        <source>Training controls</source>
        <translation>训练控制</translation>
    </message>
</context>
<context>
    <name>CsvDialog</name>
    <message>
        <source>Import CSV file</source>
        <translation>导入 CSV 文件</translation>
    </message>
    <message>
        <source>Path of a .csv file</source>
        <translation>.csv 文件的路径</translation>
    </message>
    <message>
        <source>The CSV file: a header line, then one example per line</source>
        <translation>CSV 文件：第一行是表头，之后每行一个样本</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>选择 CSV 文件</translation>
    </message>
    <message>
        <source>The first rows of the file</source>
        <translation>文件的前几行</translation>
    </message>
    <message>
        <source>The column the network learns to predict</source>
        <translation>网络要学习预测的列</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>Automatic: text or few whole-number targets mean classification</source>
        <translation>自动：目标为文本或少量整数值时视为分类</translation>
    </message>
    <message>
        <source>Standardise inputs (zero mean, unit variance)</source>
        <translation>标准化输入（均值为 0，方差为 1）</translation>
    </message>
    <message>
        <source>Rescale each input column; helps when columns differ in scale</source>
        <translation>重新缩放每个输入列；各列尺度相差很大时有帮助</translation>
    </message>
    <message>
        <source>The numeric columns the network reads as inputs</source>
        <translation>网络作为输入读取的数值列</translation>
    </message>
    <message>
        <source>Target column:</source>
        <translation>目标列：</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Input columns:</source>
        <translation>输入列：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose a CSV file.</source>
        <translation>请选择一个 CSV 文件。</translation>
    </message>
    <message>
        <source>Open CSV file</source>
        <translation>打开 CSV 文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>{rows} rows, {cols} columns, separated by “{sep}”; first {shown} shown</source>
        <translation>{rows} 行，{cols} 列，以“{sep}”分隔；显示前 {shown} 行</translation>
    </message>
    <message>
        <source>This is the target column</source>
        <translation>这是目标列</translation>
    </message>
    <message>
        <source>Not numeric, so it cannot be an input</source>
        <translation>不是数值，不能作为输入</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>Automatic ({task})</source>
        <translation>自动（{task}）</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>Exclusive or (XOR)</source>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation>两个高斯分布</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>双月牙</translation>
    </message>
    <message>
        <source>Checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <source>Blobs (several classes)</source>
        <translation>团簇（多类别）</translation>
    </message>
    <message>
        <source>Spiral arms (several classes)</source>
        <translation>多臂螺旋（多类别）</translation>
    </message>
    <message>
        <source>Plane (regression)</source>
        <translation>平面（回归）</translation>
    </message>
    <message>
        <source>Gaussian bumps (regression)</source>
        <translation>高斯凸起（回归）</translation>
    </message>
    <message>
        <source>Line, 1-D (regression)</source>
        <translation>直线，一维（回归）</translation>
    </message>
    <message>
        <source>Sine wave, 1-D (regression)</source>
        <translation>正弦波，一维（回归）</translation>
    </message>
    <message>
        <source>Import CSV data</source>
        <translation>导入 CSV 数据</translation>
    </message>
    <message>
        <source>Digits (8×8 images)</source>
        <translation>手写数字（8×8 图像）</translation>
    </message>
    <message>
        <source>Image folder…</source>
        <translation>图像文件夹…</translation>
    </message>
    <message>
        <source>CSV file…</source>
        <translation>CSV 文件…</translation>
    </message>
    <message>
        <source>The data set the network learns from</source>
        <translation>网络用来学习的数据集</translation>
    </message>
    <message>
        <source>Load CSV…</source>
        <translation>加载 CSV…</translation>
    </message>
    <message>
        <source>Import a table of examples from a CSV file</source>
        <translation>从 CSV 文件导入样本表格</translation>
    </message>
    <message>
        <source>How many points to generate (training and test together)</source>
        <translation>生成多少个点（训练集与测试集合计）</translation>
    </message>
    <message>
        <source>Change samples</source>
        <translation>修改样本数</translation>
    </message>
    <message>
        <source>How much the points stray from the clean pattern</source>
        <translation>数据点偏离理想图案的程度</translation>
    </message>
    <message>
        <source>Share of the points used for training; the rest is the test set (100 %: no test set)</source>
        <translation>用于训练的数据比例，其余为测试集（100 %：没有测试集）</translation>
    </message>
    <message>
        <source>Number of classes (blobs and spiral arms only)</source>
        <translation>类别数（仅适用于团簇和多臂螺旋）</translation>
    </message>
    <message>
        <source>Random seed: the same seed always gives the same points</source>
        <translation>随机种子：相同的种子总是生成相同的点</translation>
    </message>
    <message>
        <source>Change data seed</source>
        <translation>修改数据种子</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Draw a new random set of points (new seed)</source>
        <translation>随机生成一组新的点（新种子）</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Data set:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation>样本数：</translation>
    </message>
    <message>
        <source>Noise:</source>
        <translation>噪声：</translation>
    </message>
    <message>
        <source>Training data:</source>
        <translation>训练数据：</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>类别数：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Which properties of each point the network reads</source>
        <translation>网络读取每个点的哪些特征</translation>
    </message>
    <message>
        <source>Feed {feature} to the network (2-D data only)</source>
        <translation>把 {feature} 输入网络（仅限二维数据）</translation>
    </message>
    <message>
        <source>Edit points</source>
        <translation>编辑数据点</translation>
    </message>
    <message>
        <source>Draw points</source>
        <translation>绘制数据点</translation>
    </message>
    <message>
        <source>Click on the plot to add points, right-click to remove them</source>
        <translation>在图上单击添加点，右键单击删除点</translation>
    </message>
    <message>
        <source>Class of the points you draw</source>
        <translation>所绘制点的类别</translation>
    </message>
    <message>
        <source>Target value of the points you draw</source>
        <translation>所绘制点的目标值</translation>
    </message>
    <message>
        <source>the click sets x and y</source>
        <translation>单击位置决定 x 和 y</translation>
    </message>
    <message>
        <source>Clear edits</source>
        <translation>清除编辑</translation>
    </message>
    <message>
        <source>Forget drawn points and bring removed points back</source>
        <translation>丢弃绘制的点，恢复删除的点</translation>
    </message>
    <message>
        <source>Clear point edits</source>
        <translation>清除数据点编辑</translation>
    </message>
    <message>
        <source>Change data set</source>
        <translation>更换数据集</translation>
    </message>
    <message>
        <source>{value} %</source>
        <translation>{value} %</translation>
    </message>
    <message>
        <source>Change noise</source>
        <translation>修改噪声</translation>
    </message>
    <message>
        <source>Change training share</source>
        <translation>修改训练比例</translation>
    </message>
    <message>
        <source>Change classes</source>
        <translation>修改类别数</translation>
    </message>
    <message>
        <source>Regenerate data</source>
        <translation>重新生成数据</translation>
    </message>
    <message>
        <source>Change inputs</source>
        <translation>修改输入</translation>
    </message>
    <message>
        <source>File: {name}, predicting “{target}”</source>
        <translation>文件：{name}，预测“{target}”</translation>
    </message>
    <message>
        <source>all in the data</source>
        <translation>数据中的全部</translation>
    </message>
    <message>
        <source>1-D data: the network reads x alone.</source>
        <translation>一维数据：网络只读取 x。</translation>
    </message>
    <message>
        <source>Image data: the network reads every pixel ({side}×{side}).</source>
        <translation>图像数据：网络读取每个像素（{side}×{side}）。</translation>
    </message>
    <message>
        <source>CSV data: the network reads the chosen columns (Load CSV… changes them).</source>
        <translation>CSV 数据：网络读取所选的列（用“加载 CSV…”修改）。</translation>
    </message>
    <message>
        <source>Drawing needs data with one or two inputs</source>
        <translation>绘制数据点需要一个或两个输入</translation>
    </message>
    <message>
        <source>Class {index}</source>
        <translation>类别 {index}</translation>
    </message>
    <message>
        <source>{added} points drawn, {removed} removed</source>
        <translation>已绘制 {added} 个点，已删除 {removed} 个</translation>
    </message>
</context>
<context>
    <name>DiagramEdits</name>
    <message>
        <source>Add layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>删除层</translation>
    </message>
    <message>
        <source>Change layer {index}</source>
        <translation>修改第 {index} 层</translation>
    </message>
    <message>
        <source>Change inputs</source>
        <translation>修改输入</translation>
    </message>
</context>
<context>
    <name>DigitCanvas</name>
    <message>
        <source>Paint with the left mouse button, erase with the right</source>
        <translation>按住鼠标左键绘画，右键擦除</translation>
    </message>
</context>
<context>
    <name>DistributionView</name>
    <message>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>&lt;b&gt;Distributions&lt;/b&gt;</source>
        <translation>&lt;b&gt;分布&lt;/b&gt;</translation>
    </message>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>gradient of {0}</source>
        <translation>{0} 的梯度</translation>
    </message>
    <message>
        <source>values of {0}</source>
        <translation>{0} 的取值</translation>
    </message>
    <message>
        <source>Quantiles of a fixed sample of 4,096 values</source>
        <translation>分位数按固定抽取的 4096 个值计算</translation>
    </message>
</context>
<context>
    <name>DrawController</name>
    <message>
        <source>Draw a point</source>
        <translation>绘制一个点</translation>
    </message>
    <message>
        <source>Remove a point</source>
        <translation>删除一个点</translation>
    </message>
</context>
<context>
    <name>DrawDigitView</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Paint a digit: the network&apos;s answer appears here.</source>
        <translation>画一个数字：网络的判断会显示在这里。</translation>
    </message>
    <message>
        <source>The network reads {0} ({1:.0%} sure)</source>
        <translation>网络认为是 {0}（把握 {1:.0%}）</translation>
    </message>
</context>
<context>
    <name>EngineSession</name>
    <message>
        <source>the experiment cannot be used: {0}</source>
        <translation>无法使用该实验：{0}</translation>
    </message>
    <message>
        <source>Apply changes?</source>
        <translation>应用修改？</translation>
    </message>
    <message>
        <source>This change needs a new model: the trained weights will be reset.

Apply changes and reset weights?</source>
        <translation>此修改需要一个新模型：已训练的权重将被重置。

应用修改并重置权重？</translation>
    </message>
    <message>
        <source>Cannot apply this change</source>
        <translation>无法应用此修改</translation>
    </message>
    <message>
        <source>The change was undone because it cannot be used:

{0}</source>
        <translation>此修改无法使用，已撤销：

{0}</translation>
    </message>
</context>
<context>
    <name>EngineWorker</name>
    <message>
        <source>the training process stopped (exit code {0})</source>
        <translation>训练进程已停止（退出码 {0}）</translation>
    </message>
    <message>
        <source>the training process stopped</source>
        <translation>训练进程已停止</translation>
    </message>
    <message>
        <source>the training process has stopped</source>
        <translation>训练进程已停止</translation>
    </message>
    <message>
        <source>the training process has stopped ({0})</source>
        <translation>训练进程已停止（{0}）</translation>
    </message>
    <message>
        <source>the training process could not start: {0}</source>
        <translation>训练进程无法启动：{0}</translation>
    </message>
    <message>
        <source>the training process stopped answering</source>
        <translation>训练进程已停止响应</translation>
    </message>
    <message>
        <source>the training process stopped before answering</source>
        <translation>训练进程在应答之前就停止了</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Weights</source>
        <translation>导出权重</translation>
    </message>
    <message>
        <source>Where to write the export</source>
        <translation>导出文件的保存位置</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export as {0}</source>
        <translation>导出为 {0}</translation>
    </message>
    <message>
        <source>Export an untrained model?</source>
        <translation>导出未训练的模型？</translation>
    </message>
    <message>
        <source>{0}.

Export anyway?</source>
        <translation>{0}。

仍然导出？</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
    <message>
        <source>{0} could not be written:
{1}</source>
        <translation>无法写入 {0}：
{1}</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>“{0}” has unsaved changes. Save them first?</source>
        <translation>“{0}”有未保存的修改。先保存吗？</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <source>Experiments (*.json);;All files (*)</source>
        <translation>实验文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open experiment</source>
        <translation>无法打开实验</translation>
    </message>
    <message>
        <source>The experiment</source>
        <translation>该实验</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>{0} — nothing was lost: the experiment is still open and unsaved.</source>
        <translation>{0}——没有丢失任何内容：实验仍然打开着，只是尚未保存。</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <source>The trained weights of “{0}” were not kept (Save As keeps a lesson&apos;s run)</source>
        <translation>“{0}”训练出的权重没有保留（要保留课程中的训练结果，请用“另存为”）</translation>
    </message>
    <message>
        <source>“{0}” has trained weights that are not saved. Save them first?</source>
        <translation>“{0}”有尚未保存的训练权重。先保存吗？</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>磁盘上的文件已更改</translation>
    </message>
    <message>
        <source>“{0}” was changed on disk since you opened or saved it here (another window or program wrote it). Overwrite it with this experiment?</source>
        <translation>自从你在此打开或保存“{0}”以来，它已在磁盘上被更改（另一个窗口或程序写入了它）。要用当前实验覆盖它吗？</translation>
    </message>
    <message>
        <source>Experiments (*.json)</source>
        <translation>实验文件 (*.json)</translation>
    </message>
    <message>
        <source>Saving {0}…</source>
        <translation>正在保存 {0}…</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Saved {0}: trained state from step {1} (the training process stopped before the later steps reached the window)</source>
        <translation>已保存 {0}：训练状态来自第 {1} 步（训练进程在之后的步骤传回窗口之前就停止了）</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Cannot export plot</source>
        <translation>无法导出图像</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <source>{0} test images shown, misclassified first: {1} wrong</source>
        <translation>显示 {0} 幅测试图像，分错的排在前面：错了 {1} 幅</translation>
    </message>
    <message>
        <source>{0} → {1}
{2:.0%}</source>
        <translation>{0} → {1}
{2:.0%}</translation>
    </message>
    <message>
        <source>Test image {0}: true {1}, predicted {2} ({3:.1%})</source>
        <translation>测试图像 {0}：真实 {1}，预测 {2}（{3:.1%}）</translation>
    </message>
    <message>
        <source>its forward pass: Maths tab</source>
        <translation>它的前向传播：见“数学推导”标签页</translation>
    </message>
</context>
<context>
    <name>GradientNormPlot</name>
    <message>
        <source>Gradient norm ‖∇w‖</source>
        <translation>梯度范数 ‖∇w‖</translation>
    </message>
    <message>
        <source>Weight norm ‖w‖</source>
        <translation>权重范数 ‖w‖</translation>
    </message>
    <message>
        <source>Update / weight ‖Δw‖ / ‖w‖</source>
        <translation>更新量 / 权重 ‖Δw‖ / ‖w‖</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gradients&lt;/b&gt;</source>
        <translation>&lt;b&gt;梯度&lt;/b&gt;</translation>
    </message>
    <message>
        <source>‖∇w‖</source>
        <translation>‖∇w‖</translation>
    </message>
    <message>
        <source>‖w‖</source>
        <translation>‖w‖</translation>
    </message>
    <message>
        <source>‖Δw‖ / ‖w‖</source>
        <translation>‖Δw‖ / ‖w‖</translation>
    </message>
    <message>
        <source>{0} weight &amp;nbsp;{1} bias</source>
        <translation>{0} 权重 &amp;nbsp;{1} 偏置</translation>
    </message>
</context>
<context>
    <name>HistoryPlot</name>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
</context>
<context>
    <name>HyperParamEditor</name>
    <message>
        <source>Step size: how far each update moves the weights</source>
        <translation>步长：每次更新使权重移动多远</translation>
    </message>
    <message>
        <source>Keeps a share of the previous step, smoothing the path</source>
        <translation>保留上一步的一部分，使下降路径更平滑</translation>
    </message>
    <message>
        <source>Look-ahead momentum (needs momentum &gt; 0)</source>
        <translation>前瞻式动量（需要动量 &gt; 0）</translation>
    </message>
    <message>
        <source>Shrinks every weight a little at each step</source>
        <translation>每一步都把所有权重缩小一点</translation>
    </message>
    <message>
        <source>Decay of the running mean of gradients</source>
        <translation>梯度滑动平均的衰减率</translation>
    </message>
    <message>
        <source>Decay of the running mean of squared gradients</source>
        <translation>梯度平方滑动平均的衰减率</translation>
    </message>
    <message>
        <source>Tiny number that avoids dividing by zero</source>
        <translation>避免除以零的极小数</translation>
    </message>
    <message>
        <source>Divide by the gradient&apos;s variance, not its raw square</source>
        <translation>除以梯度的方差，而不是梯度的平方</translation>
    </message>
    <message>
        <source>How fast the learning rate shrinks over steps</source>
        <translation>学习率随步数衰减的快慢</translation>
    </message>
</context>
<context>
    <name>ImageFolderDialog</name>
    <message>
        <source>Load image folder</source>
        <translation>载入图像文件夹</translation>
    </message>
    <message>
        <source>a folder with one sub-folder of images per class</source>
        <translation>一个文件夹，每个类别一个存放图像的子文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>载入</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Resize to:</source>
        <translation>缩放到：</translation>
    </message>
    <message>
        <source>Image folder</source>
        <translation>图像文件夹</translation>
    </message>
    <message>
        <source>Choose a folder with one sub-folder of images per class.</source>
        <translation>请选择一个文件夹，其中每个类别有一个存放图像的子文件夹。</translation>
    </message>
    <message>
        <source>{0} files in {1} classes; the first images of each class:</source>
        <translation>{1} 个类别共 {0} 个文件；每个类别的前几幅图像：</translation>
    </message>
</context>
<context>
    <name>ImagePanel</name>
    <message>
        <source>What each unit learned</source>
        <translation>各单元学到了什么</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>图库</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>画一个数字</translation>
    </message>
    <message>
        <source>For image data: choose Digits (8×8 images) in the Data panel, or load an image folder</source>
        <translation>用于图像数据：在“数据”面板中选择“手写数字（8×8 图像）”，或载入一个图像文件夹</translation>
    </message>
</context>
<context>
    <name>ImageViews</name>
    <message>
        <source>Load image folder</source>
        <translation>载入图像文件夹</translation>
    </message>
</context>
<context>
    <name>LearningTools</name>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Maths</source>
        <translation>数学推导</translation>
    </message>
    <message>
        <source>Autograd graph</source>
        <translation>自动求导计算图</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Show the lesson panel</source>
        <translation>显示课程面板</translation>
    </message>
    <message>
        <source>Show the step-by-step maths</source>
        <translation>显示逐步数学推导</translation>
    </message>
    <message>
        <source>Show the autograd graph</source>
        <translation>显示自动求导计算图</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Torch Playground starts in the new language the next time it opens.</source>
        <translation>Torch Playground 下次启动时将使用新的语言。</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Choose a lesson…</source>
        <translation>选择一节课程…</translation>
    </message>
    <message>
        <source>Open a guided experiment</source>
        <translation>打开一个引导式实验</translation>
    </message>
    <message>
        <source>Previous lesson</source>
        <translation>上一节课程</translation>
    </message>
    <message>
        <source>Next lesson</source>
        <translation>下一节课程</translation>
    </message>
    <message>
        <source>Show the answer and the app&apos;s numbers</source>
        <translation>显示答案和程序得到的数值</translation>
    </message>
    <message>
        <source>&lt;b&gt;Try this&lt;/b&gt;</source>
        <translation>&lt;b&gt;试一试&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Start the lesson again</source>
        <translation>重新开始本课</translation>
    </message>
    <message>
        <source>The lesson&apos;s own experiment, as it was opened, and a fresh run (Undo brings your changes back)</source>
        <translation>恢复课程打开时的实验，并重新开始一次训练（撤销可找回你的修改）</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>true</source>
        <translation>真实值</translation>
    </message>
    <message>
        <source>learned</source>
        <translation>学到的值</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>操作步骤</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>观察要点</translation>
    </message>
    <message>
        <source>Think about it</source>
        <translation>思考题</translation>
    </message>
    <message>
        <source>Learned and true parameters</source>
        <translation>学到的参数与真实参数</translation>
    </message>
    <message>
        <source>Try this</source>
        <translation>试一试</translation>
    </message>
    <message>
        <source>the buttons below: each one sets up the lesson&apos;s experiment with that one change and starts a fresh run from epoch 0, so press Train after it; Undo takes a change back</source>
        <translation>见下方按钮：每个按钮都在课程原始实验上只做这一处改动，并从第 0 轮重新开始训练，所以按下后请再点“训练”；撤销可收回改动</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>What the app gets</source>
        <translation>程序实际得到的结果</translation>
    </message>
    <message>
        <source>Guided experiments from the classic PyTorch exercises. Choose one to open it; its text appears here, beside the plots.</source>
        <translation>取材自经典 PyTorch 练习的引导式实验。选择一节即可打开，课程内容会显示在这里，就在图表旁边。</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>&lt;b&gt;Loss&lt;/b&gt; &amp;nbsp; {2} train {0} &amp;nbsp;·&amp;nbsp; {3} test {1}</source>
        <translation>&lt;b&gt;损失&lt;/b&gt; &amp;nbsp; {2} 训练 {0} &amp;nbsp;·&amp;nbsp; {3} 测试 {1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Distributions</source>
        <translation>分布</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>参数检查器</translation>
    </message>
    <message>
        <source>The {0} panel is not available.</source>
        <translation>{0}面板不可用。</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
    <message>
        <source>Training stopped: {0}</source>
        <translation>训练已停止：{0}</translation>
    </message>
</context>
<context>
    <name>MathsPanel</name>
    <message>
        <source>Next batch</source>
        <translation>下一批</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation>样本：</translation>
    </message>
    <message>
        <source>Training runs: pause it to follow the current step.</source>
        <translation>正在训练：暂停后即可跟踪当前这一步。</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Test image {0} (true {1}, predicted {2})</source>
        <translation>测试图像 {0}（真实 {1}，预测 {2}）</translation>
    </message>
    <message>
        <source>Test samples {0}</source>
        <translation>测试样本 {0}</translation>
    </message>
    <message>
        <source>{0}, chosen by you: its forward pass as the network predicts it after step {1} (evaluation mode). Test samples are never trained on, so this is not what Step does; press Next batch to follow the next step.</source>
        <translation>{0}，由你选择：这是网络在第 {1} 步之后预测它时的前向传播（评估模式）。测试样本从不参与训练，所以这不是“单步”所做的事；按“下一批”即可跟随下一步。</translation>
    </message>
    <message>
        <source>sample {0}</source>
        <translation>样本 {0}</translation>
    </message>
    <message>
        <source>Forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <source>Inputs x, as the network reads them</source>
        <translation>输入 x（网络实际读到的值）</translation>
    </message>
    <message>
        <source>Targets y</source>
        <translation>目标 y</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Backward pass</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>参数更新</translation>
    </message>
    <message>
        <source>Silent units</source>
        <translation>沉默单元</translation>
    </message>
    <message>
        <source>output (logits)</source>
        <translation>输出（logits）</translation>
    </message>
    <message>
        <source>pre-activation z = x·Wᵀ + b</source>
        <translation>激活前的值 z = x·Wᵀ + b</translation>
    </message>
    <message>
        <source>the next batch</source>
        <translation>下一个批次</translation>
    </message>
    <message>
        <source>Leave empty to follow the batch the next step trains on; or type training samples to follow instead (indices from 0), at most {0}, separated by commas</source>
        <translation>留空则跟随下一步训练所用的批次；也可以输入要跟随的训练样本（下标从 0 开始），最多 {0} 个，用逗号分隔</translation>
    </message>
    <message>
        <source>; or “test 12” for test sample 12&apos;s forward pass, as a click on an image in Images ▸ Gallery shows it</source>
        <translation>；或输入“测试 12”，查看测试样本 12 的前向传播，与在“图像 ▸ 图库”中点击一张图像时显示的相同</translation>
    </message>
    <message>
        <source>Follow the batch the next training step will use</source>
        <translation>跟随下一步训练将使用的批次</translation>
    </message>
    <message>
        <source>Step {0} on the next batch: {1} samples, the first {2} shown ({3}).</source>
        <translation>第 {0} 步，使用下一个批次：共 {1} 个样本，显示前 {2} 个（{3}）。</translation>
    </message>
    <message>
        <source>Step {0} on the next batch: samples {1}.</source>
        <translation>第 {0} 步，使用下一个批次：样本 {1}。</translation>
    </message>
    <message>
        <source>This is exactly what Step will do; nothing is trained until you press Step or Train.</source>
        <translation>这正是“单步”将要做的计算；在按下“单步”或“训练”之前不会训练任何东西。</translation>
    </message>
    <message>
        <source>Step {0} on samples you chose ({1}), not on the next batch: Step will train on {2}. Press Next batch to follow it.</source>
        <translation>第 {0} 步，使用你选择的样本（{1}），而不是下一个批次：“单步”将在 {2} 上训练。按“下一批”即可跟随它。</translation>
    </message>
    <message>
        <source>The first {0} of the batch&apos;s {1} samples are shown; the loss, the gradients and the update are the whole batch&apos;s.</source>
        <translation>显示该批次 {1} 个样本中的前 {0} 个；损失、梯度和更新都是整个批次的。</translation>
    </message>
    <message>
        <source>output ŷ (the prediction)</source>
        <translation>输出 ŷ（预测值）</translation>
    </message>
    <message>
        <source>activation a = {0}(z)</source>
        <translation>激活值 a = {0}(z)</translation>
    </message>
    <message>
        <source>normalised</source>
        <translation>归一化后</translation>
    </message>
    <message>
        <source>dropout: off when predicting (evaluation mode)</source>
        <translation>Dropout：预测时关闭（评估模式）</translation>
    </message>
    <message>
        <source>after dropout (training mode)</source>
        <translation>Dropout 之后（训练模式）</translation>
    </message>
    <message>
        <source>softmax (inside the loss): probabilities</source>
        <translation>softmax（在损失函数内部）：概率</translation>
    </message>
    <message>
        <source>sigmoid (inside the loss): probability of class 1</source>
        <translation>sigmoid（在损失函数内部）：类别 1 的概率</translation>
    </message>
    <message>
        <source>loss per sample</source>
        <translation>每个样本的损失</translation>
    </message>
    <message>
        <source>value w</source>
        <translation>当前值 w</translation>
    </message>
    <message>
        <source>gradient g = dL/dw</source>
        <translation>梯度 g = dL/dw</translation>
    </message>
    <message>
        <source>update Δw</source>
        <translation>更新量 Δw</translation>
    </message>
    <message>
        <source>new value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>test {0}</source>
        <translation>测试 {0}</translation>
    </message>
    <message>
        <source>Inputs x: the image&apos;s {0} × {0} pixels, row r and column c is x[{0}·r + c]</source>
        <translation>输入 x：图像的 {0} × {0} 个像素，第 r 行第 c 列是 x[{0}·r + c]</translation>
    </message>
    <message>
        <source>True class: {0}</source>
        <translation>真实类别：{0}</translation>
    </message>
    <message>
        <source>softmax: the class probabilities</source>
        <translation>softmax：各类别的概率</translation>
    </message>
    <message>
        <source>sigmoid: probability of class 1</source>
        <translation>sigmoid：类别 1 的概率</translation>
    </message>
    <message>
        <source>Predicted: {0}</source>
        <translation>预测：{0}</translation>
    </message>
    <message>
        <source>batch loss = sum over the batch (n = {0}) = &lt;b&gt;{1}&lt;/b&gt; (the scoreboard and the loss curves show means per sample: {1} / {0} = {2})</source>
        <translation>批次损失 = 整个批次之和（n = {0}）= &lt;b&gt;{1}&lt;/b&gt;（记分牌和损失曲线显示每个样本的平均值：{1} / {0} = {2}）</translation>
    </message>
    <message>
        <source>batch loss = mean over the batch (n = {0}) = &lt;b&gt;{1}&lt;/b&gt; (the scoreboard and the loss curves show the same mean over the whole set)</source>
        <translation>批次损失 = 整个批次的平均值（n = {0}）= &lt;b&gt;{1}&lt;/b&gt;（记分牌和损失曲线显示的是整个数据集上的同一种平均值）</translation>
    </message>
    <message>
        <source>L1/L2 penalty {0}</source>
        <translation>L1/L2 惩罚项 {0}</translation>
    </message>
    <message>
        <source>largest change: {0}[{1}] by {2}</source>
        <translation>变化最大：{0}[{1}]，变化量 {2}</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} units output 0 for every training example</source>
        <translation>{0}：{2} 个单元中有 {1} 个对所有训练样本都输出 0</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>Data panel</source>
        <translation>数据面板</translation>
    </message>
    <message>
        <source>Network panel</source>
        <translation>网络面板</translation>
    </message>
    <message>
        <source>Training panel</source>
        <translation>训练面板</translation>
    </message>
    <message>
        <source>PyTorch code</source>
        <translation>PyTorch 代码</translation>
    </message>
    <message>
        <source>Training controls</source>
        <translation>训练控制</translation>
    </message>
    <message>
        <source>Loss plot</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <source>Accuracy / R² plot</source>
        <translation>准确率 / R² 曲线</translation>
    </message>
    <message>
        <source>Network diagram</source>
        <translation>网络结构图</translation>
    </message>
    <message>
        <source>Gradient norms</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>Distributions</source>
        <translation>分布</translation>
    </message>
    <message>
        <source>Parameter inspector</source>
        <translation>参数检查器</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Lesson panel</source>
        <translation>课程面板</translation>
    </message>
    <message>
        <source>Step-by-step maths</source>
        <translation>逐步数学推导</translation>
    </message>
    <message>
        <source>Autograd graph</source>
        <translation>自动求导计算图</translation>
    </message>
    <message>
        <source>Show test points</source>
        <translation>显示测试点</translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation>离散化输出</translation>
    </message>
    <message>
        <source>Log-scale loss</source>
        <translation>对数坐标显示损失</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>示例(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Export &amp;Weights…</source>
        <translation>导出权重(&amp;W)…</translation>
    </message>
    <message>
        <source>Export &amp;Plot as PNG/SVG…</source>
        <translation>导出图像为 PNG/SVG(&amp;P)…</translation>
    </message>
    <message>
        <source>Load &amp;Image Folder…</source>
        <translation>载入图像文件夹(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Classroom mode (shown panels)</source>
        <translation>课堂模式（显示的面板）(&amp;C)</translation>
    </message>
    <message>
        <source>Show all panels</source>
        <translation>显示所有面板</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>比较(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Torch Playground</source>
        <translation>关于 Torch Playground(&amp;A)</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>(no examples found)</source>
        <translation>（未找到示例）</translation>
    </message>
    <message>
        <source>Show {0}</source>
        <translation>显示{0}</translation>
    </message>
    <message>
        <source>Hide {0}</source>
        <translation>隐藏{0}</translation>
    </message>
    <message>
        <source>About Torch Playground</source>
        <translation>关于 Torch Playground</translation>
    </message>
    <message>
        <source>&lt;b&gt;Torch Playground {0}&lt;/b&gt;&lt;p&gt;Build a multilayer perceptron and watch real PyTorch train it, live. Inspired by TensorFlow Playground.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Torch Playground {0}&lt;/b&gt;&lt;p&gt;搭建一个多层感知机，实时观看真正的 PyTorch 训练它。灵感来自 TensorFlow Playground。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MetricPlot</name>
    <message>
        <source>Accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; &amp;nbsp; {3} train {1} &amp;nbsp;·&amp;nbsp; {4} test {2}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; &amp;nbsp; {3} 训练 {1} &amp;nbsp;·&amp;nbsp; {4} 测试 {2}</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>indices count from 0, as in PyTorch</source>
        <translation>下标从 0 开始计数，与 PyTorch 相同</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden {0}</source>
        <translation>隐藏层 {0}</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>norm scale</source>
        <translation>归一化缩放</translation>
    </message>
    <message>
        <source>norm shift</source>
        <translation>归一化平移</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>Orange: negative, blue: positive. Node colour: the unit&apos;s output over the input plane, scaled per layer. Link colour: the weight&apos;s sign; its width: the weight&apos;s size.</source>
        <translation>橙色：负，蓝色：正。节点颜色：该单元在输入平面上的输出，每层单独缩放。连线颜色：权重的正负；连线粗细：权重的大小。</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>image {0}×{0}</source>
        <translation>图像 {0}×{0}</translation>
    </message>
    <message>
        <source>set by hand: {0} → {1}</source>
        <translation>手动设置：{0} → {1}</translation>
    </message>
    <message>
        <source>last update {0} = {1}</source>
        <translation>上次更新 {0} = {1}</translation>
    </message>
    <message>
        <source>Image input: {0} × {0} grey pixels, {1} numbers in [0, 1] read row by row (drawn: a training image). Each unit of {2} weighs every pixel: its weights as a picture are in Images ▸ What each unit learned.</source>
        <translation>图像输入：{0} × {0} 个灰度像素，即 {1} 个 [0, 1] 之间的数，逐行读取（图中是一张训练图像）。{2} 的每个单元都给每个像素一个权重：把这些权重画成图，见“图像 ▸ 各单元学到了什么”。</translation>
    </message>
    <message>
        <source>input {0}</source>
        <translation>输入 {0}</translation>
    </message>
    <message>
        <source>{0} · unit {1}</source>
        <translation>{0} · 单元 {1}</translation>
    </message>
    <message>
        <source>bias b[{0}] = {1}</source>
        <translation>偏置 b[{0}] = {1}</translation>
    </message>
    <message>
        <source>gradient ∂L/∂b = {0}</source>
        <translation>梯度 ∂L/∂b = {0}</translation>
    </message>
    <message>
        <source>image {0}×{0} → {1} · unit {2}</source>
        <translation>图像 {0}×{0} → {1} · 单元 {2}</translation>
    </message>
    <message>
        <source>{0} weights w[{1}, 0…{2}], one per pixel</source>
        <translation>{0} 个权重 w[{1}, 0…{2}]，每个像素一个</translation>
    </message>
    <message>
        <source>size ‖w‖ = {0}, from {1} to {2}</source>
        <translation>大小 ‖w‖ = {0}，范围 {1} 到 {2}</translation>
    </message>
    <message>
        <source>as a picture: Images ▸ What each unit learned</source>
        <translation>画成图：图像 ▸ 各单元学到了什么</translation>
    </message>
    <message>
        <source>{0} → {1} · unit {2}</source>
        <translation>{0} → {1} · 单元 {2}</translation>
    </message>
    <message>
        <source>weight w[{0}, {1}] = {2}</source>
        <translation>权重 w[{0}, {1}] = {2}</translation>
    </message>
    <message>
        <source>gradient ∂L/∂w = {0}</source>
        <translation>梯度 ∂L/∂w = {0}</translation>
    </message>
    <message>
        <source>{0} pixels</source>
        <translation>{0} 个像素</translation>
    </message>
    <message>
        <source>{0} units, {1} shown</source>
        <translation>{0} 个单元，显示 {1} 个</translation>
    </message>
    <message>
        <source>Add a hidden layer</source>
        <translation>添加一个隐藏层</translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation>删除最后一个隐藏层</translation>
    </message>
    <message>
        <source>Inputs ▾</source>
        <translation>输入 ▾</translation>
    </message>
    <message>
        <source>Choose the input features</source>
        <translation>选择输入特征</translation>
    </message>
    <message numerus="yes">
        <source>%n hidden layer(s)</source>
        <translation>
            <numerusform>%n 个隐藏层</numerusform>
        </translation>
    </message>
    <message>
        <source>One neuron more in this layer</source>
        <translation>本层增加一个神经元</translation>
    </message>
    <message>
        <source>One neuron fewer in this layer</source>
        <translation>本层减少一个神经元</translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <source>What the network reads; change it in the data panel</source>
        <translation>网络读取的输入；可在数据面板中修改</translation>
    </message>
    <message>
        <source>Set by the task, the loss and the number of classes</source>
        <translation>由任务、损失函数和类别数决定</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Norm</source>
        <translation>归一化</translation>
    </message>
    <message>
        <source>Normalisation</source>
        <translation>归一化</translation>
    </message>
    <message>
        <source>Hidden layers, from input (top) to output (bottom)</source>
        <translation>隐藏层，从输入（上）到输出（下）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add a hidden layer at the end</source>
        <translation>在末尾添加一个隐藏层</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <source>Insert a hidden layer above the selected one</source>
        <translation>在所选层之上插入一个隐藏层</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected (or last) hidden layer</source>
        <translation>删除所选（或最后一个）隐藏层</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move the selected layer towards the input</source>
        <translation>把所选层移向输入端</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the selected layer towards the output</source>
        <translation>把所选层移向输出端</translation>
    </message>
    <message>
        <source>How the weights are set before training starts</source>
        <translation>训练开始前如何设置权重</translation>
    </message>
    <message>
        <source>Weights and biases the optimizer adjusts</source>
        <translation>优化器调整的权重和偏置</translation>
    </message>
    <message>
        <source>The PyTorch module this network is; copy it into your own code</source>
        <translation>这个网络对应的 PyTorch 模块；可复制到你自己的代码中</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Input layer:</source>
        <translation>输入层：</translation>
    </message>
    <message>
        <source>Output layer:</source>
        <translation>输出层：</translation>
    </message>
    <message>
        <source>Weight init:</source>
        <translation>权重初始化：</translation>
    </message>
    <message>
        <source>PyTorch code</source>
        <translation>PyTorch 代码</translation>
    </message>
    <message>
        <source>Neurons in this layer</source>
        <translation>本层的神经元数</translation>
    </message>
    <message>
        <source>The non-linearity applied after this layer; the small plot shows it (solid) and its derivative (dashed) over [−4, 4]</source>
        <translation>本层之后的非线性函数；小图显示它（实线）及其导数（虚线）在 [−4, 4] 上的形状</translation>
    </message>
    <message>
        <source>Share of this layer&apos;s outputs zeroed at random while training</source>
        <translation>训练时本层输出被随机置零的比例</translation>
    </message>
    <message>
        <source>Normalisation between the linear layer and the activation</source>
        <translation>线性层与激活函数之间的归一化</translation>
    </message>
    <message>
        <source>Change layer {index}</source>
        <translation>修改第 {index} 层</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <source>Insert layer</source>
        <translation>插入层</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>删除层</translation>
    </message>
    <message>
        <source>Move layer</source>
        <translation>移动层</translation>
    </message>
    <message>
        <source>Change weight init</source>
        <translation>修改权重初始化</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Parameters: —</source>
        <translation>参数：—</translation>
    </message>
    <message>
        <source># The data cannot be read, so the network&apos;s shape is unknown:</source>
        <translation># 无法读取数据，因此网络的形状未知：</translation>
    </message>
    <message>
        <source>{names} ({count})</source>
        <translation>{names}（{count}）</translation>
    </message>
    <message>
        <source>Parameters: {count}</source>
        <translation>参数：{count}</translation>
    </message>
    <message>
        <source># {loss} applies the softmax to these logits itself;
# class probabilities: torch.softmax(model(x), dim=1)</source>
        <translation># {loss} 会自己对这些 logits 做 softmax；
# 类别概率：torch.softmax(model(x), dim=1)</translation>
    </message>
    <message>
        <source># {loss} applies the sigmoid to this logit itself;
# probability of class 1: torch.sigmoid(model(x))</source>
        <translation># {loss} 会自己对这个 logit 做 sigmoid；
# 类别 1 的概率：torch.sigmoid(model(x))</translation>
    </message>
    <message>
        <source>one score (logit) per class</source>
        <translation>每个类别一个分数（logit）</translation>
    </message>
    <message>
        <source>one logit: class 1 against class 0</source>
        <translation>一个 logit：类别 1 对类别 0</translation>
    </message>
    <message>
        <source>the predicted value</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>{width} ({meaning})</source>
        <translation>{width}（{meaning}）</translation>
    </message>
</context>
<context>
    <name>ParameterInspector</name>
    <message>
        <source>Last update Δw</source>
        <translation>上次更新量 Δw</translation>
    </message>
    <message>
        <source>&lt;b&gt;Inspector&lt;/b&gt;</source>
        <translation>&lt;b&gt;参数检查器&lt;/b&gt;</translation>
    </message>
    <message>
        <source>weights w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <source>gradient ∂L/∂w</source>
        <translation>梯度 ∂L/∂w</translation>
    </message>
    <message>
        <source>last update Δw</source>
        <translation>上次更新量 Δw</translation>
    </message>
    <message>
        <source>Waiting for the next snapshot…</source>
        <translation>正在等待下一个快照…</translation>
    </message>
    <message>
        <source>last update Δw: not recorded for this step (press Step)</source>
        <translation>上次更新 Δw： 此步 未记录 （请按 “单步”）</translation>
    </message>
    <message>
        <source>after step {0}, batch loss {1}</source>
        <translation>第 {0} 步之后，批量损失 {1}</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>showing means of {0}×{0} blocks</source>
        <translation>显示的是 {0}×{0} 小块的均值</translation>
    </message>
    <message>
        <source>block {0}: each number is the mean of a {1}×{1} block</source>
        <translation>块 {0}：每个数都是一个 {1}×{1} 块的均值</translation>
    </message>
    <message>
        <source>∂L/∂w</source>
        <translation>∂L/∂w</translation>
    </message>
    <message>
        <source>Δw (last update)</source>
        <translation>Δw（上次更新量）</translation>
    </message>
</context>
<context>
    <name>QuickControls</name>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Most-used settings</source>
        <translation>常用设置</translation>
    </message>
    <message>
        <source>Learning rate: the size of each step down the gradient</source>
        <translation>学习率：沿梯度下降每一步的大小</translation>
    </message>
    <message>
        <source>The activation of every hidden layer</source>
        <translation>所有隐藏层的激活函数</translation>
    </message>
    <message>
        <source>Regularisation: L1 makes weights exactly zero, L2 keeps them small</source>
        <translation>正则化：L1 让权重恰好为零，L2 让权重保持较小</translation>
    </message>
    <message>
        <source>Regularisation rate</source>
        <translation>正则化系数</translation>
    </message>
    <message>
        <source>Classification: predict a class; regression: predict a number</source>
        <translation>分类：预测类别；回归：预测数值</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题类型</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>混合</translation>
    </message>
    <message>
        <source>no hidden layer</source>
        <translation>无隐藏层</translation>
    </message>
    <message>
        <source>Change {name}</source>
        <translation>修改{name}</translation>
    </message>
    <message>
        <source>Change activation</source>
        <translation>修改激活函数</translation>
    </message>
    <message>
        <source>Change regularisation</source>
        <translation>修改正则化</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <source>same settings</source>
        <translation>设置相同</translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs&lt;/b&gt; — tick to overlay; double-click to restore a run&apos;s settings</source>
        <translation>&lt;b&gt;运行记录&lt;/b&gt; — 勾选以叠加显示；双击恢复该次运行的设置</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>比较…</translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation>重命名运行</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Restore run “{0}”</source>
        <translation>恢复运行“{0}”</translation>
    </message>
</context>
<context>
    <name>Scoreboard</name>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Test R²</source>
        <translation>测试 R²</translation>
    </message>
    <message>
        <source>The mean loss per example over the whole test set, whatever the loss&apos;s reduction (with reduction = sum, the Maths tab shows the batch&apos;s sum)</source>
        <translation>整个测试集上每个样本的平均损失，与损失的 reduction 无关（reduction = sum 时，“数学推导”标签页显示的是批次的总和）</translation>
    </message>
    <message>
        <source>The mean loss per example over the whole training set, whatever the loss&apos;s reduction (with reduction = sum, the Maths tab shows the batch&apos;s sum)</source>
        <translation>整个训练集上每个样本的平均损失，与损失的 reduction 无关（reduction = sum 时，“数学推导”标签页显示的是批次的总和）</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
</context>
<context>
    <name>StatusDisplay</name>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped by an error</source>
        <translation>因错误停止</translation>
    </message>
    <message>
        <source> (+{0} more)</source>
        <translation>（另有 {0} 条）</translation>
    </message>
    <message>
        <source>Note: {0}</source>
        <translation>注：{0}</translation>
    </message>
    <message>
        <source>Epoch {0}</source>
        <translation>第 {0} 轮</translation>
    </message>
    <message>
        <source>Step {0}</source>
        <translation>第 {0} 步</translation>
    </message>
    <message>
        <source>{0} steps/s</source>
        <translation>{0} 步/秒</translation>
    </message>
    <message>
        <source>Time {0}</source>
        <translation>用时 {0}</translation>
    </message>
</context>
<context>
    <name>TrainingActions</name>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train, pause or resume</source>
        <translation>训练、暂停或继续</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train one batch</source>
        <translation>训练一个批次</translation>
    </message>
    <message>
        <source>Step epoch</source>
        <translation>单轮</translation>
    </message>
    <message>
        <source>Train one epoch</source>
        <translation>训练一轮</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop training, keep the weights</source>
        <translation>停止训练，保留权重</translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation>重置权重</translation>
    </message>
    <message>
        <source>Fresh weights from the seed; history starts over</source>
        <translation>按种子重新生成权重；历史记录重新开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Train 1 more epoch</source>
        <translation>再训练 1 轮</translation>
    </message>
    <message>
        <source>Train {0} more epochs</source>
        <translation>再训练 {0} 轮</translation>
    </message>
    <message>
        <source>The run reached its epoch limit; this trains on from here (Space does the same). Epochs in the Training tab sets the limit of a run.</source>
        <translation>本次训练已达到轮数上限；点此从当前状态继续训练（空格键也可以）。“训练”选项卡中的“轮数”设定每次训练的上限。</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>{0}; restarting…</source>
        <translation>{0}；正在重新启动…</translation>
    </message>
    <message>
        <source>{0} and could not be restarted; your work is kept: save it, then press Train to try again</source>
        <translation>{0}，且无法重新启动；你的工作已保留：请先保存，然后按“训练”重试</translation>
    </message>
    <message>
        <source>the training process is from another version of Torch Playground ({0}); restart the app</source>
        <translation>训练进程来自另一个版本的 Torch Playground（{0}）；请重新启动程序</translation>
    </message>
    <message>
        <source>the training process did not answer in time ({0})</source>
        <translation>训练进程没有及时应答（{0}）</translation>
    </message>
    <message>
        <source>Restarting the training process…</source>
        <translation>正在重新启动训练进程…</translation>
    </message>
    <message>
        <source>Building the model…</source>
        <translation>正在构建模型…</translation>
    </message>
    <message>
        <source>{0}; a new one started, but the model could not be rebuilt: {1}</source>
        <translation>{0}；新的训练进程已启动，但无法重建模型：{1}</translation>
    </message>
    <message>
        <source>{0}; restarted from step {1}</source>
        <translation>{0}；已从第 {1} 步重新启动</translation>
    </message>
    <message>
        <source>Reading the trained model…</source>
        <translation>正在读取训练好的模型…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>What training minimises: how wrong the predictions are</source>
        <translation>训练要最小化的量：预测错得有多离谱</translation>
    </message>
    <message>
        <source>Mean over the batch</source>
        <translation>对批次求平均</translation>
    </message>
    <message>
        <source>Sum over the batch</source>
        <translation>对批次求和</translation>
    </message>
    <message>
        <source>How the loss combines a batch&apos;s examples (PyTorch&apos;s reduction); a sum makes the steps grow with the batch size</source>
        <translation>损失如何合并一个批次中的样本（PyTorch 的 reduction）；求和会使步长随批大小增大</translation>
    </message>
    <message>
        <source>Change loss reduction</source>
        <translation>修改损失的归约方式</translation>
    </message>
    <message>
        <source>The rule that turns gradients into weight updates</source>
        <translation>把梯度变成权重更新的规则</translation>
    </message>
    <message>
        <source>L1 penalty: pushes weights to exactly zero (sparse network)</source>
        <translation>L1 惩罚：把权重压到恰好为零（稀疏网络）</translation>
    </message>
    <message>
        <source>Change L1</source>
        <translation>修改 L1</translation>
    </message>
    <message>
        <source>L2 penalty: keeps weights small, for smoother decision boundaries</source>
        <translation>L2 惩罚：让权重保持较小，决策边界更平滑</translation>
    </message>
    <message>
        <source>Change L2</source>
        <translation>修改 L2</translation>
    </message>
    <message>
        <source>Change batch size</source>
        <translation>修改批大小</translation>
    </message>
    <message>
        <source>Examples per gradient step; small batches are noisier</source>
        <translation>每个梯度步使用的样本数；批次越小噪声越大</translation>
    </message>
    <message>
        <source>Change epochs</source>
        <translation>修改轮数</translation>
    </message>
    <message>
        <source>Passes over the training data; 0 trains until you stop it</source>
        <translation>遍历训练数据的次数；0 表示一直训练直到手动停止</translation>
    </message>
    <message>
        <source>Until stopped</source>
        <translation>直到手动停止</translation>
    </message>
    <message>
        <source>Change training seed</source>
        <translation>修改训练种子</translation>
    </message>
    <message>
        <source>Seed for initial weights, shuffling and dropout</source>
        <translation>用于初始权重、打乱顺序和 Dropout 的种子</translation>
    </message>
    <message>
        <source>Where the tensors live: the CPU or a GPU</source>
        <translation>张量所在的设备：CPU 或 GPU</translation>
    </message>
    <message>
        <source>Change device</source>
        <translation>修改设备</translation>
    </message>
    <message>
        <source>float32 (single precision)</source>
        <translation>float32（单精度）</translation>
    </message>
    <message>
        <source>float64 (double precision)</source>
        <translation>float64（双精度）</translation>
    </message>
    <message>
        <source>Number precision; float64 is slower but more exact</source>
        <translation>数值精度；float64 更慢但更精确</translation>
    </message>
    <message>
        <source>Change precision</source>
        <translation>修改精度</translation>
    </message>
    <message>
        <source>Loss and optimizer</source>
        <translation>损失函数与优化器</translation>
    </message>
    <message>
        <source>Loss:</source>
        <translation>损失函数：</translation>
    </message>
    <message>
        <source>Reduction:</source>
        <translation>归约方式：</translation>
    </message>
    <message>
        <source>Optimizer:</source>
        <translation>优化器：</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>L1:</source>
        <translation>L1：</translation>
    </message>
    <message>
        <source>L2:</source>
        <translation>L2：</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <source>Change loss</source>
        <translation>修改损失函数</translation>
    </message>
    <message>
        <source>Change optimizer</source>
        <translation>修改优化器</translation>
    </message>
    <message>
        <source>Change {name}</source>
        <translation>修改{name}</translation>
    </message>
    <message>
        <source>{device} (not available here)</source>
        <translation>{device}（本机不可用）</translation>
    </message>
</context>
<context>
    <name>WeightEdits</name>
    <message>
        <source>Set {0}[{1}] to {2:g}</source>
        <translation>将 {0}[{1}] 设为 {2:g}</translation>
    </message>
    <message>
        <source>New value for {0}[{1}]: Enter applies, Esc cancels</source>
        <translation>{0}[{1}] 的新值：按 Enter 应用，按 Esc 取消</translation>
    </message>
    <message>
        <source>“{0}” is not a number; the weight is unchanged</source>
        <translation>“{0}”不是数字；权重保持不变</translation>
    </message>
    <message>
        <source>Set starting {0}[{1}] to {2:g}</source>
        <translation>将初始 {0}[{1}] 设为 {2:g}</translation>
    </message>
</context>
<context>
    <name>WeightImagesView</name>
    <message>
        <source>Weight images appear once the data are images.</source>
        <translation>数据为图像时，这里显示权重图像。</translation>
    </message>
    <message>
        <source>Each class&apos;s weight image (no hidden layer), labelled with its class</source>
        <translation>每个类别的权重图像（无隐藏层），标有其类别</translation>
    </message>
    <message>
        <source>First hidden layer: each unit&apos;s incoming weights, units 0, 1, 2… left to right (counted from 0, as in PyTorch)</source>
        <translation>第一个隐藏层：每个单元的输入权重，单元 0、1、2……从左到右排列（与 PyTorch 一样从 0 开始计数）</translation>
    </message>
    <message>
        <source> (the first {0} of {1} units)</source>
        <translation>（共 {1} 个单元中的前 {0} 个）</translation>
    </message>
    <message>
        <source>{0}{1}. Orange &lt; 0 &lt; blue, up to ±{2:.3g}.</source>
        <translation>{0}{1}。橙色 &lt; 0 &lt; 蓝色，最大 ±{2:.3g}。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>experiment file to open (default: the spiral example)</source>
        <translation>要打开的实验文件（默认：螺旋示例）</translation>
    </message>
    <message>
        <source>train, save a window screenshot, then quit</source>
        <translation>训练，保存窗口截图，然后退出</translation>
    </message>
    <message>
        <source>with --screenshot: train this long first</source>
        <translation>与 --screenshot 一起使用：先训练这么多秒</translation>
    </message>
    <message>
        <source>language of messages and of the app: en or zh_CN (default: the system&apos;s)</source>
        <translation>消息和程序界面的语言：en 或 zh_CN（默认：跟随系统）</translation>
    </message>
    <message>
        <source>write a new experiment file</source>
        <translation>写一个新的实验文件</translation>
    </message>
    <message>
        <source>a CSV file of tabular data</source>
        <translation>表格数据的 CSV 文件</translation>
    </message>
    <message>
        <source>a folder with one sub-folder of images per class</source>
        <translation>一个文件夹，每个类别一个存放图像的子文件夹</translation>
    </message>
    <message>
        <source>with --images: resize to this side (default 16)</source>
        <translation>与 --images 同用：缩放到此边长（默认 16）</translation>
    </message>
    <message>
        <source>with --csv: the column to predict</source>
        <translation>与 --csv 一起使用：要预测的列</translation>
    </message>
    <message>
        <source>with --csv: override the inferred task</source>
        <translation>与 --csv 一起使用：覆盖自动推断的任务类型</translation>
    </message>
    <message>
        <source>with --csv: input columns (default: all numeric)</source>
        <translation>与 --csv 一起使用：输入列（默认：所有数值列）</translation>
    </message>
    <message>
        <source>with --csv: standardise the inputs</source>
        <translation>与 --csv 一起使用：标准化输入</translation>
    </message>
    <message>
        <source>0 to 1 (TensorFlow Playground&apos;s percent / 100)</source>
        <translation>0 到 1（TensorFlow Playground 的百分比 / 100）</translation>
    </message>
    <message>
        <source>for blobs and spiral_k</source>
        <translation>用于 blobs 和 spiral_k</translation>
    </message>
    <message>
        <source>hidden layer widths; none (or &apos;&apos;) for no hidden layer (default: from the data, 8,8 for 2-D sets)</source>
        <translation>隐藏层宽度；none（或 &apos;&apos;）表示没有隐藏层（默认：根据数据决定，二维数据集为 8,8）</translation>
    </message>
    <message>
        <source>write the trained experiment (- for standard output); also on Ctrl-C, and beside it if it cannot be written</source>
        <translation>写出训练后的实验（- 表示标准输出）；按 Ctrl-C 时也会写出，无法写入时写在它旁边</translation>
    </message>
    <message>
        <source>write final metrics as JSON (- for standard output)</source>
        <translation>以 JSON 写出最终指标（- 表示标准输出）</translation>
    </message>
    <message>
        <source>how the loss combines a batch (default: mean)</source>
        <translation>损失如何合并一个批次（默认：mean）</translation>
    </message>
    <message>
        <source>start from these weights (.safetensors or .pt with matching shapes)</source>
        <translation>从这些权重开始（形状匹配的 .safetensors 或 .pt）</translation>
    </message>
    <message>
        <source>the file to write; - for standard output</source>
        <translation>要写入的文件；- 表示标准输出</translation>
    </message>
    <message>
        <source>train an experiment headless</source>
        <translation>在无界面模式下训练实验</translation>
    </message>
    <message>
        <source>epochs to train now (default: up to training.epochs)</source>
        <translation>本次训练的轮数（默认：训练到 training.epochs）</translation>
    </message>
    <message>
        <source>start over from these weights (.safetensors or .pt with matching shapes)</source>
        <translation>从这些权重重新开始（形状匹配的 .safetensors 或 .pt）</translation>
    </message>
    <message>
        <source>export the trained model (format by extension); repeatable</source>
        <translation>导出训练好的模型（格式由扩展名决定）；可重复使用</translation>
    </message>
    <message>
        <source>no progress bar</source>
        <translation>不显示进度条</translation>
    </message>
    <message>
        <source>validate an experiment and print a summary</source>
        <translation>校验实验并打印摘要</translation>
    </message>
    <message>
        <source>export a trained experiment&apos;s model</source>
        <translation>导出训练好的实验中的模型</translation>
    </message>
    <message>
        <source>no warning for an untrained model</source>
        <translation>导出未训练的模型时不警告</translation>
    </message>
    <message>
        <source>list the runs remembered in an experiment file</source>
        <translation>列出实验文件中记住的各次运行</translation>
    </message>
    <message>
        <source>wrote {0}</source>
        <translation>已写入 {0}</translation>
    </message>
    <message>
        <source>stopped at step {0}; what was trained is saved where asked</source>
        <translation>已在第 {0} 步停止；已训练的内容已保存到指定位置</translation>
    </message>
    <message>
        <source>saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>{0}; the trained experiment was written to {1} instead</source>
        <translation>{0}；训练后的实验已改为写入 {1}</translation>
    </message>
    <message>
        <source>exported {0} ({1})</source>
        <translation>已导出 {0}（{1}）</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message numerus="yes">
        <source>%n epoch(s)</source>
        <translation>
            <numerusform>%n 轮</numerusform>
        </translation>
    </message>
    <message>
        <source>until stopped</source>
        <translation>直到手动停止</translation>
    </message>
    <message>
        <source>data:      {0}, {1}, {2} train / {3} test, inputs {4}</source>
        <translation>数据：    {0}，{1}，训练 {2} 个 / 测试 {3} 个，输入 {4}</translation>
    </message>
    <message>
        <source>, classes {0}</source>
        <translation>，类别 {0}</translation>
    </message>
    <message>
        <source>model:     {0}, {1} parameters, init {2}</source>
        <translation>模型：    {0}，{1} 个参数，初始化 {2}</translation>
    </message>
    <message>
        <source>training:  {0}, {1} {2}, batch {3}, {4}, seed {5}</source>
        <translation>训练：    {0}，{1} {2}，批大小 {3}，{4}，种子 {5}</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message numerus="yes">
        <source>state:     trained %n epoch(s) ({0} steps); train loss {1}, test loss {2}, test {3} {4}</source>
        <translation>
            <numerusform>状态：    已训练 %n 轮（{0} 步）；训练损失 {1}，测试损失 {2}，测试{3} {4}</numerusform>
        </translation>
    </message>
    <message>
        <source>state:     untrained</source>
        <translation>状态：    未训练</translation>
    </message>
    <message>
        <source>epoch {0}  [{1}] {2}  loss {3}  {4} {5}/{6}</source>
        <translation>第 {0} 轮  [{1}] {2}  损失 {3}  {4} {5}/{6}</translation>
    </message>
    <message>
        <source>interrupted at step {0}: finishing it, then saving what was trained (interrupt again to quit without saving)</source>
        <translation>在第 {0} 步被中断：完成这一步后保存已训练的内容（再次中断则不保存直接退出）</translation>
    </message>
    <message>
        <source>train variants of one setting side by side and compare them</source>
        <translation>并排训练某个设置的多个变体并加以比较</translation>
    </message>
    <message>
        <source>epochs per variant (default: the file&apos;s training.epochs)</source>
        <translation>每个变体训练的轮数（默认：文件中的 training.epochs）</translation>
    </message>
    <message>
        <source>auto, cpu, cuda:N or mps (default: the file&apos;s)</source>
        <translation>auto、cpu、cuda:N 或 mps（默认：文件中的设置）</translation>
    </message>
    <message>
        <source>write the rows as CSV</source>
        <translation>把各行写成 CSV</translation>
    </message>
    <message>
        <source>write one trained experiment per variant</source>
        <translation>为每个变体写出一个训练好的实验文件</translation>
    </message>
    <message>
        <source>train every variant as its own engine (no batched pass)</source>
        <translation>每个变体用各自的引擎训练（不做批量并行）</translation>
    </message>
    <message>
        <source>no progress on stderr</source>
        <translation>不在 stderr 上显示进度</translation>
    </message>
</context>
<context>
    <name>examples</name>
    <message>
        <source>Three blobs</source>
        <translation>三个团簇</translation>
    </message>
    <message>
        <source>Three classes: the output layer has one logit per class and cross-entropy applies softmax. Watch the three colours compete.</source>
        <translation>三个类别：输出层为每个类别给出一个 logit，交叉熵损失会在内部做 softmax。观察三种颜色如何相互竞争。</translation>
    </message>
    <message>
        <source>Checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <source>A 4×4 board of alternating classes: needs several ReLU units per cell edge.</source>
        <translation>类别交替排列的 4×4 棋盘：每条格子边都需要好几个 ReLU 单元。</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>TensorFlow Playground&apos;s circle: one class inside radius 2.5, the other in a ring. A single hidden layer of 4 tanh units is enough — try removing layers or units to see when it fails.</source>
        <translation>TensorFlow Playground 的圆形数据：一类在半径 2.5 以内，另一类在外面的圆环上。一个含 4 个 tanh 单元的隐藏层就够了——试着删掉层或单元，看看什么时候会失败。</translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation>两个高斯分布</translation>
    </message>
    <message>
        <source>Two gaussian clouds at (2, 2) and (−2, −2): logistic regression (no hidden layer) separates them. Raise the noise to make them overlap.</source>
        <translation>中心分别在 (2, 2) 和 (−2, −2) 的两团高斯分布点：逻辑回归（没有隐藏层）就能把它们分开。调高噪声让它们重叠试试。</translation>
    </message>
    <message>
        <source>Line fit: y = 2x + 1</source>
        <translation>直线拟合：y = 2x + 1</translation>
    </message>
    <message>
        <source>d2l&apos;s first example: linear regression recovers w ≈ 2 and b ≈ 1 from noisy points. The model is one nn.Linear(1, 1); check its weight and bias after training.</source>
        <translation>d2l 的第一个例子：线性回归从带噪声的点中恢复出 w ≈ 2 和 b ≈ 1。模型就是一个 nn.Linear(1, 1)；训练后检查它的权重和偏置。</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>双月牙</translation>
    </message>
    <message>
        <source>Two interleaving half-moons. Two small ReLU layers bend the boundary around them.</source>
        <translation>两个交错的半月形。两个小的 ReLU 层让决策边界绕着它们弯曲。</translation>
    </message>
    <message>
        <source>Six gaussians (regression)</source>
        <translation>六个高斯凸起（回归）</translation>
    </message>
    <message>
        <source>TensorFlow Playground&apos;s multi-gaussian regression: six bumps of alternating sign. A deeper network is needed.</source>
        <translation>TensorFlow Playground 的多高斯回归：六个正负交替的凸起。需要更深的网络。</translation>
    </message>
    <message>
        <source>Penguin measurements (CSV)</source>
        <translation>企鹅测量数据（CSV）</translation>
    </message>
    <message>
        <source>A tabular data set from a CSV file: four measurements, three species named by strings. Inputs are standardised with statistics of the training rows, stored in this file.</source>
        <translation>来自 CSV 文件的表格数据集：四项测量值，三个以字符串命名的物种。输入用训练行的统计量做了标准化，这些统计量保存在本文件中。</translation>
    </message>
    <message>
        <source>Plane regression</source>
        <translation>平面回归</translation>
    </message>
    <message>
        <source>TensorFlow Playground&apos;s plane: the target is a linear function of X₁ + X₂, so linear regression (no hidden layer) fits it exactly.</source>
        <translation>TensorFlow Playground 的平面数据：目标是 X₁ + X₂ 的线性函数，所以线性回归（没有隐藏层）就能精确拟合。</translation>
    </message>
    <message>
        <source>Sine fit</source>
        <translation>正弦拟合</translation>
    </message>
    <message>
        <source>Fit y = sin(x) with two tanh layers: watch the curve bend into shape.</source>
        <translation>用两个 tanh 层拟合 y = sin(x)：观察曲线如何一点点弯成正弦的形状。</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Two interleaved spiral arms — the hardest of TensorFlow Playground&apos;s sets. The sin(X₁) and sin(X₂) inputs help a small network; turn them off and see how much deeper it must get.</source>
        <translation>两条交错的螺旋臂——TensorFlow Playground 中最难的数据集。sin(X₁) 和 sin(X₂) 输入能帮助小网络；把它们关掉，看看网络需要加深多少。</translation>
    </message>
    <message>
        <source>Three-arm spiral</source>
        <translation>三臂螺旋</translation>
    </message>
    <message>
        <source>The cs231n three-class spiral: a linear classifier reaches about a third; a two-layer ReLU network fits it.</source>
        <translation>cs231n 的三类螺旋：线性分类器只能达到约三分之一的准确率；两层 ReLU 网络可以拟合它。</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <source>The classic problem a linear model cannot solve. One hidden layer learns it; try 0 hidden layers and watch accuracy stay near 50 %, or add the X₁X₂ feature and solve it with no hidden layer at all.</source>
        <translation>线性模型解决不了的经典问题。一个隐藏层就能学会它；试试 0 个隐藏层，看准确率停在 50 % 左右，或者加上 X₁X₂ 特征，不用隐藏层也能解决。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
</context>
<context>
    <name>lessons</name>
    <message>
        <source>Linear regression, as in d2l</source>
        <translation>线性回归（d2l 版）</translation>
    </message>
    <message>
        <source>Recover y = 2·x₁ − 3.4·x₂ + 4.2 from 1,000 noisy samples with a single nn.Linear(2, 1), exactly as the d2l book does: minibatches of 10, SGD with learning rate 0.03, three epochs.</source>
        <translation>用一个 nn.Linear(2, 1)，从 1000 个带噪声的样本中恢复 y = 2·x₁ − 3.4·x₂ + 4.2，做法与《动手学深度学习》（d2l）完全相同：小批量大小为 10，SGD，学习率 0.03，训练 3 轮。</translation>
    </message>
    <message>
        <source>Press **Train**. Three epochs are 300 steps and take a moment.</source>
        <translation>按下**训练**。3 轮共 300 步，需要稍等片刻。</translation>
    </message>
    <message>
        <source>When it stops, compare the learned weights with the true ones in the table below.</source>
        <translation>训练停止后，在下面的表格中比较学到的权重和真实权重。</translation>
    </message>
    <message>
        <source>Open the **Maths** tab and press **Step** to follow one minibatch update: w ← w − lr · ∂L/∂w.</source>
        <translation>打开**数学推导**标签页，按下**单步**，跟踪一次小批量更新：w ← w − lr · ∂L/∂w。</translation>
    </message>
    <message>
        <source>The loss falls from 33 to about 0.0001 during the first epoch and then stays there. The model starts from zero, which is fine for a network without hidden layers.</source>
        <translation>损失在第一轮内从 33 降到约 0.0001，之后基本保持不变。模型从零开始初始化——对没有隐藏层的网络来说，这完全没问题。</translation>
    </message>
    <message>
        <source>Why does the loss stop near 0.0001 instead of reaching 0?</source>
        <translation>为什么损失停在 0.0001 附近，而不是降到 0？</translation>
    </message>
    <message>
        <source>The labels carry noise with standard deviation 0.01. Even the true line leaves squared errors of 0.01² = 0.0001 on average, so no line can do better than that.</source>
        <translation>标签中含有标准差为 0.01 的噪声。即使是真实的那条直线，平均平方误差也有 0.01² = 0.0001，所以任何直线都不可能做得更好。</translation>
    </message>
    <message>
        <source>| | w₁ | w₂ | b |
|---|---|---|---|
| true | 2 | −3.4 | 4.2 |
| learned in 3 epochs | 1.99991 | −3.40008 | 4.19902 |

The training loss is 33.0 at the start, 0.00026 after one epoch and 0.00009 after three. With learning rate 0.003 it is still 0.91 after three epochs (w = [1.61, −2.88], b = 3.49); with one batch of 1,000 it is 22.8.</source>
        <translation>| | w₁ | w₂ | b |
|---|---|---|---|
| 真实值 | 2 | −3.4 | 4.2 |
| 训练 3 轮后 | 1.99991 | −3.40008 | 4.19902 |

训练损失一开始是 33.0，第 1 轮后为 0.00026，第 3 轮后为 0.00009。学习率为 0.003 时，3 轮后仍为 0.91（w = [1.61, −2.88]，b = 3.49）；用 1000 个样本作为一个批次时为 22.8。</translation>
    </message>
    <message>
        <source>Learning rate 0.003</source>
        <translation>学习率 0.003</translation>
    </message>
    <message>
        <source>Ten times smaller: after three epochs the weights are still far from the true ones.</source>
        <translation>缩小十倍：训练 3 轮后权重离真实值仍然很远。</translation>
    </message>
    <message>
        <source>One batch of 1,000 (full batch)</source>
        <translation>1000 个样本一个批次（全批量）</translation>
    </message>
    <message>
        <source>One step per epoch: three steps of gradient descent are not nearly enough.</source>
        <translation>每轮只走一步：3 步梯度下降远远不够。</translation>
    </message>
    <message>
        <source>One neuron by hand: two samples, one step</source>
        <translation>手算一个神经元：两个样本，一步更新</translation>
    </message>
    <message>
        <source>Follow one step of gradient descent with numbers small enough to check on paper: x = [[0.5, −1.5], [1, 1]], y = [1, 0], W = [[0.3, −0.2]], b = [0.1], mean squared error.</source>
        <translation>用可以在纸上验算的小数字跟踪一步梯度下降：x = [[0.5, −1.5], [1, 1]]，y = [1, 0]，W = [[0.3, −0.2]]，b = [0.1]，损失为均方误差。</translation>
    </message>
    <message>
        <source>Open the **Maths** tab. It shows the forward pass, the loss, dL/d(output), every gradient and the update for both samples.</source>
        <translation>打开**数学推导**标签页。它会显示两个样本的前向传播、损失、dL/d(输出)、每个梯度以及参数更新。</translation>
    </message>
    <message>
        <source>Check the output by hand: ŷ = x·Wᵀ + b = [0.55, 0.2].</source>
        <translation>手算验证输出：ŷ = x·Wᵀ + b = [0.55, 0.2]。</translation>
    </message>
    <message>
        <source>Press **Step** once: W and b move by −lr × gradient, with lr = 0.1.</source>
        <translation>按一次**单步**：W 和 b 各移动 −lr × 梯度，其中 lr = 0.1。</translation>
    </message>
    <message>
        <source>loss = ((0.55 − 1)² + (0.2 − 0)²) / 2 = 0.12125; dL/dŷ = 2(ŷ − y) / 2 = [−0.45, 0.2]; dW = [−0.025, 0.875]; db = −0.25.</source>
        <translation>损失 = ((0.55 − 1)² + (0.2 − 0)²) / 2 = 0.12125；dL/dŷ = 2(ŷ − y) / 2 = [−0.45, 0.2]；dW = [−0.025, 0.875]；db = −0.25。</translation>
    </message>
    <message>
        <source>Why is the gradient of the second weight (0.875) so much larger than that of the first (−0.025)?</source>
        <translation>为什么第二个权重的梯度（0.875）比第一个（−0.025）大这么多？</translation>
    </message>
    <message>
        <source>dW = Σᵢ dL/dŷᵢ · xᵢ. For w₁ the two samples pull in opposite directions (−0.45 · 0.5 + 0.2 · 1 = −0.025); for w₂ they pull the same way (−0.45 · (−1.5) + 0.2 · 1 = 0.875).</source>
        <translation>dW = Σᵢ dL/dŷᵢ · xᵢ。对 w₁，两个样本朝相反方向拉（−0.45 · 0.5 + 0.2 · 1 = −0.025）；对 w₂，两个样本朝同一方向拉（−0.45 · (−1.5) + 0.2 · 1 = 0.875）。</translation>
    </message>
    <message>
        <source>First step, lr = 0.1: loss 0.12125, dW = [−0.025, 0.875], db = −0.25, so W becomes [[0.3025, −0.2875]] and b becomes [0.125]. The loss on the two points is then 0.05258. After 20 steps it is 0.00000002: W = [[0.29766, −0.45944]] and b = [0.16193] fit both points exactly.</source>
        <translation>第一步（lr = 0.1）：损失 0.12125，dW = [−0.025, 0.875]，db = −0.25，于是 W 变为 [[0.3025, −0.2875]]，b 变为 [0.125]。此时两个点上的损失为 0.05258。20 步后损失为 0.00000002：W = [[0.29766, −0.45944]]、b = [0.16193] 恰好拟合两个点。</translation>
    </message>
    <message>
        <source>Sum instead of mean</source>
        <translation>求和代替平均</translation>
    </message>
    <message>
        <source>reduction=&apos;sum&apos; adds the two samples&apos; losses instead of averaging them, so every gradient doubles: dW = [−0.05, 1.75], db = −0.5.</source>
        <translation>reduction=&apos;sum&apos; 把两个样本的损失相加而不是取平均，因此每个梯度都翻倍：dW = [−0.05, 1.75]，db = −0.5。</translation>
    </message>
    <message>
        <source>Logistic regression: one sigmoid neuron</source>
        <translation>逻辑回归：一个 sigmoid 神经元</translation>
    </message>
    <message>
        <source>A single neuron followed by a sigmoid separates two Gaussian clouds. Its decision boundary is the straight line where w·x + b = 0.</source>
        <translation>一个神经元加上 sigmoid 就能分开两团高斯分布的点。它的决策边界是 w·x + b = 0 的那条直线。</translation>
    </message>
    <message>
        <source>Press **Train** and watch the boundary settle between the two clouds.</source>
        <translation>按下**训练**，观察决策边界如何停在两团点之间。</translation>
    </message>
    <message>
        <source>Look at the **Network** tab: the model is one nn.Linear(2, 1). The sigmoid is inside nn.BCEWithLogitsLoss, which is more exact than a separate nn.Sigmoid.</source>
        <translation>查看**网络**标签页：模型就是一个 nn.Linear(2, 1)。sigmoid 包含在 nn.BCEWithLogitsLoss 中，比单独使用 nn.Sigmoid 在数值上更精确。</translation>
    </message>
    <message>
        <source>Try the circle below and watch one neuron fail.</source>
        <translation>试试下面的圆形数据，看看一个神经元是如何失败的。</translation>
    </message>
    <message>
        <source>Accuracy reaches 100 % within a few epochs: the clouds barely overlap.</source>
        <translation>几轮之内准确率就达到 100 %：两团点几乎不重叠。</translation>
    </message>
    <message>
        <source>Can one neuron draw a curved boundary?</source>
        <translation>一个神经元能画出弯曲的决策边界吗？</translation>
    </message>
    <message>
        <source>No. σ(w·x + b) = 0.5 exactly where w·x + b = 0, and that is a straight line. A curve needs hidden layers, or derived inputs such as X₁² and X₂².</source>
        <translation>不能。σ(w·x + b) = 0.5 恰好发生在 w·x + b = 0 处，而那是一条直线。要得到曲线，需要隐藏层，或者 X₁²、X₂² 这样的衍生输入。</translation>
    </message>
    <message>
        <source>| data | training accuracy | test accuracy |
|---|---|---|
| two Gaussians | 100 % | 100 % |
| circle | 58 % | 56 % |
| circle with X₁², X₂² | 100 % | 99 % |

All after 20 epochs.</source>
        <translation>| 数据 | 训练准确率 | 测试准确率 |
|---|---|---|
| 两个高斯分布 | 100 % | 100 % |
| 圆形 | 58 % | 56 % |
| 圆形，加 X₁²、X₂² | 100 % | 99 % |

均为训练 20 轮后的结果。</translation>
    </message>
    <message>
        <source>Circle data</source>
        <translation>圆形数据</translation>
    </message>
    <message>
        <source>No straight line separates a disc from a ring around it: accuracy stays near 50 %.</source>
        <translation>没有一条直线能把圆盘和环绕它的圆环分开：准确率停留在 50 % 左右。</translation>
    </message>
    <message>
        <source>Circle with X₁² and X₂² inputs</source>
        <translation>圆形数据，加 X₁² 和 X₂² 输入</translation>
    </message>
    <message>
        <source>With squared inputs the same single neuron draws a circle: x₁² + x₂² &lt; r² is linear in them.</source>
        <translation>有了平方输入，同一个神经元就能画出圆：x₁² + x₂² &lt; r² 对这两个输入是线性的。</translation>
    </message>
    <message>
        <source>XOR needs a hidden layer</source>
        <translation>异或（XOR）需要隐藏层</translation>
    </message>
    <message>
        <source>Exclusive or is the classic problem a linear model cannot solve: the two classes sit in opposite corners. One hidden layer solves it.</source>
        <translation>异或是线性模型解决不了的经典问题：两个类别分别位于对角的两个角上。一个隐藏层就能解决它。</translation>
    </message>
    <message>
        <source>Press **Train** with no hidden layer and watch the accuracy stall.</source>
        <translation>在没有隐藏层的情况下按下**训练**，观察准确率停滞不前。</translation>
    </message>
    <message>
        <source>Press **Add a hidden layer** below, then **Train** again.</source>
        <translation>按下方的**添加一个隐藏层**，再按**训练**。</translation>
    </message>
    <message>
        <source>Compare the two decision boundaries.</source>
        <translation>比较两条决策边界。</translation>
    </message>
    <message>
        <source>Without a hidden layer the boundary is one straight line and accuracy stays below 80 %. With four tanh units the boundary bends around the corners and accuracy reaches 100 %.</source>
        <translation>没有隐藏层时，决策边界只是一条直线，准确率低于 80 %。有了 4 个 tanh 单元，边界会绕着各个角弯曲，准确率达到 100 %。</translation>
    </message>
    <message>
        <source>How many straight lines does XOR need, and what does each hidden unit draw?</source>
        <translation>XOR 需要几条直线？每个隐藏单元画的是什么？</translation>
    </message>
    <message>
        <source>Two: each hidden unit draws one line (where its pre-activation is zero), and the output layer combines the two half-planes. Two units are enough in principle; four train more reliably.</source>
        <translation>两条：每个隐藏单元画一条直线（即它的激活前的值为零的地方），输出层再把两个半平面组合起来。理论上两个单元就够了；用四个训练起来更可靠。</translation>
    </message>
    <message>
        <source>| model | training accuracy | test accuracy | training loss |
|---|---|---|---|
| no hidden layer | 67 % | 63 % | 0.665 |
| 4 tanh units | 100 % | 100 % | 0.040 |
| no hidden layer, X₁X₂ input | 100 % | 100 % | 0.005 |

All after 60 epochs.</source>
        <translation>| 模型 | 训练准确率 | 测试准确率 | 训练损失 |
|---|---|---|---|
| 无隐藏层 | 67 % | 63 % | 0.665 |
| 4 个 tanh 单元 | 100 % | 100 % | 0.040 |
| 无隐藏层，加 X₁X₂ 输入 | 100 % | 100 % | 0.005 |

均为训练 60 轮后的结果。</translation>
    </message>
    <message>
        <source>Add a hidden layer (4 tanh units)</source>
        <translation>添加一个隐藏层（4 个 tanh 单元）</translation>
    </message>
    <message>
        <source>Four tanh units bend the boundary.</source>
        <translation>4 个 tanh 单元让决策边界弯曲。</translation>
    </message>
    <message>
        <source>No hidden layer, but the X₁X₂ input</source>
        <translation>不加隐藏层，而是加 X₁X₂ 输入</translation>
    </message>
    <message>
        <source>The product X₁·X₂ is positive in one pair of corners and negative in the other: with it, a linear model solves XOR.</source>
        <translation>乘积 X₁·X₂ 在一组对角上为正，在另一组对角上为负：有了它，线性模型也能解决 XOR。</translation>
    </message>
    <message>
        <source>Zero initialisation: units that stay identical</source>
        <translation>零初始化：永远一模一样的单元</translation>
    </message>
    <message>
        <source>If every hidden unit starts with the same weights, they all compute the same thing, get the same gradient and stay identical for ever: the layer behaves like a single unit. Zero init is the usual way to fall into this trap.</source>
        <translation>如果每个隐藏单元的初始权重都相同，它们就会计算出同样的结果、得到同样的梯度，并且永远保持一致：整层就像只有一个单元。零初始化是掉进这个陷阱最常见的方式。</translation>
    </message>
    <message>
        <source>The hidden layer starts at zero, and the output layer gives every hidden unit the same weight (0.5 for class 1, −0.5 for class 0).</source>
        <translation>隐藏层从零开始，输出层给每个隐藏单元相同的权重（类别 1 为 0.5，类别 0 为 −0.5）。</translation>
    </message>
    <message>
        <source>Press **Train**. The loss falls, so the units do learn.</source>
        <translation>按下**训练**。损失在下降，说明这些单元确实在学习。</translation>
    </message>
    <message>
        <source>Open the **Maths** tab: all four hidden units have the same pre-activation, activation and gradient for every sample.</source>
        <translation>打开**数学推导**标签页：对每个样本，4 个隐藏单元的激活前的值、激活值和梯度都完全相同。</translation>
    </message>
    <message>
        <source>Press **PyTorch&apos;s default init** below and train again.</source>
        <translation>按下方的**PyTorch 默认初始化**，再训练一次。</translation>
    </message>
    <message>
        <source>After training, the four rows of the hidden layer&apos;s weight (0.weight) are still equal, and accuracy stays far below 100 % on XOR, which needs at least two different units.</source>
        <translation>训练之后，隐藏层权重（0.weight）的四行仍然相等；而 XOR 至少需要两个不同的单元，所以准确率远低于 100 %。</translation>
    </message>
    <message>
        <source>Why doesn&apos;t the playground zero the output layer too?</source>
        <translation>为什么 Playground 不把输出层也置零？</translation>
    </message>
    <message>
        <source>With a zero output layer a tanh or ReLU net sits on a flat point: the hidden activations are tanh(0) = 0, so the output weights get no gradient, and the hidden weights get W_outᵀ·δ = 0. Only the output bias learns. That is why the Zeros init zeroes only the hidden layers. Try it below. (With ReLU even this lesson stays stuck: PyTorch takes ReLU&apos;s slope at 0 to be 0.)</source>
        <translation>如果输出层也是零，tanh 或 ReLU 网络就停在一个平坦点上：隐藏层的激活值是 tanh(0) = 0，所以输出层权重得不到梯度，而隐藏层权重得到的是 W_outᵀ·δ = 0。只有输出层的偏置在学习。这就是“全零”初始化只把隐藏层置零的原因。可以在下面试一试。（如果用 ReLU，连本课的设置也会卡住：PyTorch 规定 ReLU 在 0 处的斜率为 0。）</translation>
    </message>
    <message>
        <source>| start | training loss | training accuracy | test accuracy |
|---|---|---|---|
| zero hidden layer, equal output weights | 0.702 → 0.560 | 74 % | 66 % |
| PyTorch&apos;s default init | 0.764 → 0.110 | 98 % | 100 % |
| zero hidden layer, random output layer | 0.702 → 0.320 | 89 % | 85 % |
| everything zero | 0.702 → 0.693 | 51 % | 56 % |

With equal output weights the four rows of 0.weight are still identical after 60 epochs. With a random output layer they differ, but their weight vectors stay almost parallel.</source>
        <translation>| 初始状态 | 训练损失 | 训练准确率 | 测试准确率 |
|---|---|---|---|
| 隐藏层为零，输出权重相同 | 0.702 → 0.560 | 74 % | 66 % |
| PyTorch 默认初始化 | 0.764 → 0.110 | 98 % | 100 % |
| 隐藏层为零，输出层随机 | 0.702 → 0.320 | 89 % | 85 % |
| 全部为零 | 0.702 → 0.693 | 51 % | 56 % |

输出权重相同时，训练 60 轮后 0.weight 的四行仍然完全相同。输出层随机时，它们会不同，但各自的权重向量几乎保持平行。</translation>
    </message>
    <message>
        <source>PyTorch&apos;s default init</source>
        <translation>PyTorch 默认初始化</translation>
    </message>
    <message>
        <source>Random starting weights break the symmetry: each unit learns its own line.</source>
        <translation>随机的初始权重打破了对称性：每个单元学到各自的直线。</translation>
    </message>
    <message>
        <source>Random output layer</source>
        <translation>随机的输出层</translation>
    </message>
    <message>
        <source>Zeros keeps the hidden layer at zero but leaves the output layer random. Then the units get different gradients, but at first all along the same direction.</source>
        <translation>“全零”初始化让隐藏层为零，但输出层保持随机。这时各单元得到的梯度不同，但一开始都沿着同一个方向。</translation>
    </message>
    <message>
        <source>Zero output layer too</source>
        <translation>输出层也置零</translation>
    </message>
    <message>
        <source>Everything at zero: only the output bias can learn.</source>
        <translation>全部为零：只有输出层的偏置能学习。</translation>
    </message>
    <message>
        <source>Learning rate: too small, right, too large</source>
        <translation>学习率：太小、合适、太大</translation>
    </message>
    <message>
        <source>The same line fit with three learning rates. Too small crawls, a good one converges in an epoch, too large overshoots further at every step.</source>
        <translation>用三种学习率拟合同一条直线。太小则进展缓慢，合适的学习率一轮就收敛，太大则每一步都冲过头，而且越冲越远。</translation>
    </message>
    <message>
        <source>Press **Train** with learning rate 0.02 and watch the loss curve drop at once.</source>
        <translation>在学习率为 0.02 时按下**训练**，观察损失曲线立刻下降。</translation>
    </message>
    <message>
        <source>Press **Too small** below and train again: the curve barely moves.</source>
        <translation>按下方的**太小**，再训练一次：曲线几乎不动。</translation>
    </message>
    <message>
        <source>Press **Too large**: the loss climbs instead of falling, until it is no longer a number.</source>
        <translation>按下**太大**：损失不降反升，直到不再是一个有限的数。</translation>
    </message>
    <message>
        <source>The loss plot (switch on **View ▸ Log-scale loss** to compare the three).</source>
        <translation>损失曲线（打开**视图 ▸ 对数坐标显示损失**，便于比较三种情况）。</translation>
    </message>
    <message>
        <source>Why does a learning rate above about 0.12 make this fit diverge?</source>
        <translation>为什么学习率超过约 0.12 时这个拟合会发散？</translation>
    </message>
    <message>
        <source>For squared error, each step multiplies the error along a direction by (1 − 2·lr·λ), where λ is the mean of x² along it (about 8.3 here, for x in [−5, 5]). Above lr = 2 / (2·8.3) ≈ 0.12 that factor is below −1: each step overshoots by more than it corrects.</source>
        <translation>对于平方误差，每一步都会把某个方向上的误差乘以 (1 − 2·lr·λ)，其中 λ 是该方向上 x² 的均值（这里 x 在 [−5, 5] 内，约为 8.3）。当 lr 超过 2 / (2·8.3) ≈ 0.12 时，这个系数小于 −1：每一步冲过头的量都比纠正的量还大。</translation>
    </message>
    <message>
        <source>Too small: 0.0005</source>
        <translation>太小：0.0005</translation>
    </message>
    <message>
        <source>Forty times smaller.</source>
        <translation>缩小四十倍。</translation>
    </message>
    <message>
        <source>Too large: 0.15</source>
        <translation>太大：0.15</translation>
    </message>
    <message>
        <source>Just above the stable limit.</source>
        <translation>刚好超过稳定的上限。</translation>
    </message>
    <message>
        <source>Activation functions, and softmax over three classes</source>
        <translation>激活函数，以及三分类上的 softmax</translation>
    </message>
    <message>
        <source>Sigmoid, tanh, ReLU and LeakyReLU on the same three-arm spiral with the same budget. The output has one logit per class; softmax turns them into probabilities that add up to 1.</source>
        <translation>在同一个三臂螺旋数据上，用相同的训练预算比较 Sigmoid、tanh、ReLU 和 LeakyReLU。输出层为每个类别给出一个 logit；softmax 把它们变成总和为 1 的概率。</translation>
    </message>
    <message>
        <source>Look at the small plots beside each activation in the **Network** tab: each function (solid) and its derivative (dashed) over [−4, 4].</source>
        <translation>看看**网络**标签页中每个激活函数旁边的小图：函数本身（实线）和它的导数（虚线），范围为 [−4, 4]。</translation>
    </message>
    <message>
        <source>Press **Train** with sigmoid units, then try the other activations below.</source>
        <translation>先用 sigmoid 单元按下**训练**，然后试试下面的其他激活函数。</translation>
    </message>
    <message>
        <source>Open the **Maths** tab: after the output layer it shows each sample&apos;s softmax probabilities.</source>
        <translation>打开**数学推导**标签页：在输出层之后，它会显示每个样本的 softmax 概率。</translation>
    </message>
    <message>
        <source>A ReLU unit whose input is negative for every example outputs 0, and its weights get gradient 0: it cannot climb back by itself. One big step can push many units there at once.</source>
        <translation>如果一个 ReLU 单元对所有样本的输入都是负数，它的输出就是 0，它的权重得到的梯度也是 0：它无法靠自己恢复。一次过大的更新就可能把许多单元同时推进这种状态。</translation>
    </message>
    <message>
        <source>With learning rate 2, most of the second layer is silent after the first epoch. By the end, half of the first layer and all of the second output 0 for every example, and accuracy is back to guessing.</source>
        <translation>学习率为 2 时，第一轮之后第二层的大部分单元就沉默了。训练结束时，第一层的一半单元和第二层的全部单元对所有样本都输出 0，准确率退回到瞎猜的水平。</translation>
    </message>
    <message>
        <source>Raw features range from about −110 to 160: the steps for the largest ones dominate and training stumbles.</source>
        <translation>原始特征的取值范围约为 −110 到 160：数值最大的特征主导了更新步长，训练磕磕绊绊。</translation>
    </message>
    <message>
        <source>Which learning rate?</source>
        <translation>哪个学习率？</translation>
    </message>
    <message>
        <source>Instead of guessing a learning rate and resetting five times, train five at once with **Compare** and see all of them side by side: too small learns nothing, too large never settles, and the best one is not the largest that works.</source>
        <translation>不必猜一个学习率再重置五次：用 **比较** 一次训练五个，并排查看：太小什么也学不到，太大永远稳定不下来，而最好的并不是还能用的最大那个。</translation>
    </message>
    <message>
        <source>Open **Train ▸ Compare…**, choose **lr**, type the values 0.001, 0.01, 0.1, 1, 10, set Epochs to 30 and press **Start**.</source>
        <translation>打开 **训练 ▸ 比较…**，选择 **lr**，输入取值 0.001, 0.01, 0.1, 1, 10，把轮数设为 30，然后按 **开始**。</translation>
    </message>
    <message>
        <source>Watch the five small decision boundaries fill in, each titled with its current test accuracy.</source>
        <translation>观察五个小决策边界逐渐成形，每个的标题都是它当前的测试准确率。</translation>
    </message>
    <message>
        <source>When they finish, open the **Runs** tab: every variant is now a run, overlaid faintly on the loss plot.</source>
        <translation>训练结束后打开 **运行记录** 标签页：每个变体都成了一次运行，以淡色叠加在损失图上。</translation>
    </message>
    <message>
        <source>Pick the best one and press **Keep this one**: it becomes the experiment, trained.</source>
        <translation>选出最好的一个并按 **保留这一个**：它会连同训练好的权重成为当前实验。</translation>
    </message>
    <message>
        <source>The grid of boundaries and the overlaid test-loss curves in the Compare window.</source>
        <translation>比较窗口中的决策边界网格和叠加的测试损失曲线。</translation>
    </message>
    <message>
        <source>Learning rates 0.1 and 1 reach the same test accuracy. Which would you keep, and why?</source>
        <translation>学习率 0.1 和 1 的测试准确率相同。你会保留哪一个？为什么？</translation>
    </message>
    <message>
        <source>0.1: its test loss is lower (about 0.10 against 0.13), so its predictions are not only right but confident, and its curve is smooth. At 1 every step overshoots a little and the loss bounces; ten times more and the steps are so large that the network ends where it started (chance accuracy, a large loss).</source>
        <translation>0.1：它的测试损失更低（约 0.10 对 0.13），所以它的预测不仅正确，而且更有把握，曲线也更平滑。学习率为 1 时每一步都会稍稍冲过头，损失来回跳动；再大十倍，步子大到网络回到起点（准确率与瞎猜相同，损失很大）。</translation>
    </message>
    <message>
        <source>After 30 epochs (SGD, batch 10, two hidden layers of 4 tanh units, 400 points of the circle set):

| learning rate | test accuracy | test loss |
|---|---|---|
| 0.001 | 48 % | 0.691 |
| 0.01 | 77 % | 0.644 |
| 0.1 | 97 % | 0.099 |
| 1 | 97 % | 0.128 |
| 10 | 50 % | 3.52 |

The five variants have the same shapes, so Compare trains them together in one batched pass.</source>
        <translation>训练 30 轮后（SGD，批大小 10，两个各含 4 个 tanh 单元的隐藏层，圆形数据集的 400 个点）：

| 学习率 | 测试准确率 | 测试损失 |
|---|---|---|
| 0.001 | 48 % | 0.691 |
| 0.01 | 77 % | 0.644 |
| 0.1 | 97 % | 0.099 |
| 1 | 97 % | 0.128 |
| 10 | 50 % | 3.52 |

这五个变体形状相同，所以“比较”在一次批量计算中同时训练它们。</translation>
    </message>
    <message>
        <source>Start from the best: 0.1</source>
        <translation>从最好的开始：0.1</translation>
    </message>
    <message>
        <source>Set the experiment&apos;s learning rate to the winner and train it alone.</source>
        <translation>把实验的学习率设为胜出者，单独训练它。</translation>
    </message>
    <message>
        <source>Softmax regression on images of digits</source>
        <translation>手写数字图像上的 softmax 回归</translation>
    </message>
    <message>
        <source>1,797 hand-written digits, each an 8×8 grey image: 64 inputs. Softmax regression (one nn.Linear(64, 10) and cross-entropy) already reads most of them, and its ten weight rows, drawn as 8×8 images, show what it looks for.</source>
        <translation>1,797 个手写数字，每个是一幅 8×8 的灰度图像：64 个输入。softmax 回归（一个 nn.Linear(64, 10) 加交叉熵）已经能认出其中的大多数；把它的十行权重画成 8×8 图像，就能看出它在找什么。</translation>
    </message>
    <message>
        <source>Press **Train** and watch the test accuracy climb past 90 % within a few epochs.</source>
        <translation>按下**训练**，观察测试准确率在几轮之内就超过 90 %。</translation>
    </message>
    <message>
        <source>Open **What each unit learned**: with no hidden layer it shows one weight image per class.</source>
        <translation>打开**各单元学到了什么**：没有隐藏层时，它为每个类别显示一幅权重图像。</translation>
    </message>
    <message>
        <source>Open the **Gallery**: the misclassified test digits come first. Which digits does the model confuse?</source>
        <translation>打开**图库**：分错的测试数字排在最前面。模型把哪些数字弄混了？</translation>
    </message>
    <message>
        <source>Press **Lower the learning rate** below and train again.</source>
        <translation>按下方的**降低学习率**，再训练一次。</translation>
    </message>
    <message>
        <source>Each class&apos;s weight image looks like a blurred template of its digit: blue where that digit has ink, orange where the other digits have ink and this one does not.</source>
        <translation>每个类别的权重图像都像该数字的一个模糊模板：这个数字有笔画的地方是蓝色，其他数字有笔画而它没有的地方是橙色。</translation>
    </message>
    <message>
        <source>Few hidden weight images look like a digit; most are blobs of blue and orange in parts of the image. The misclassified digits in the Gallery become fewer.</source>
        <translation>很少有隐藏单元的权重图像像一个数字；大多数是图像局部的蓝橙斑块。图库中分错的数字变少了。</translation>
    </message>
    <message>
        <source>Why can one linear layer do so well on pictures, and where must it fail?</source>
        <translation>为什么一个线性层就能把图像分得这么好？它又必然在哪里失败？</translation>
    </message>
    <message>
        <source>Each class gets a score that is the dot product of the image with its template, so an image wins the class whose template it overlaps most. That works while each digit is written in roughly one way and in roughly one place; a digit written in two very different styles cannot match one template.</source>
        <translation>每个类别的得分是图像与该类模板的点积，所以图像归入与它重叠最多的模板所属的类别。只要每个数字大致只有一种写法、写在大致相同的位置，这就行得通；一个有两种截然不同写法的数字无法与单一模板匹配。</translation>
    </message>
    <message>
        <source>After 20 epochs (SGD, learning rate 0.5, batches of 32, 70 % of the images train): test accuracy 96.3 % (training 97.1 %, training loss 0.144). Each class&apos;s weight image correlates best with that class&apos;s average digit (about 0.9). With a learning rate of 0.05 the test accuracy after 20 epochs is 93.9 %.</source>
        <translation>训练 20 轮后（SGD，学习率 0.5，批大小 32，70 % 的图像用于训练）：测试准确率 96.3 %（训练准确率 97.1 %，训练损失 0.144）。每个类别的权重图像与该类别的平均数字相关性最高（约 0.9）。学习率为 0.05 时，20 轮后的测试准确率为 93.9 %。</translation>
    </message>
    <message>
        <source>Lower the learning rate (0.05)</source>
        <translation>降低学习率（0.05）</translation>
    </message>
    <message>
        <source>Ten times smaller steps: after the same 20 epochs the model is less trained (training loss 0.48 instead of 0.14) and a little less accurate.</source>
        <translation>步长缩小十倍：同样训练 20 轮后，模型训练得更不充分（训练损失 0.48 而不是 0.14），准确率也略低。</translation>
    </message>
    <message>
        <source>Add a hidden layer (32 tanh)</source>
        <translation>添加一个隐藏层（32 个 tanh）</translation>
    </message>
    <message>
        <source>The next lesson: hidden units no longer look like whole digits.</source>
        <translation>下一课：隐藏单元不再像完整的数字。</translation>
    </message>
    <message>
        <source>A hidden layer on digits: what hidden units learn</source>
        <translation>手写数字上的隐藏层：隐藏单元学到了什么</translation>
    </message>
    <message>
        <source>The same digits with one hidden layer of 32 tanh units. The test accuracy rises above softmax regression&apos;s, and the hidden units&apos; weight images are no longer whole digits but pieces: strokes, loops and edges the output layer combines.</source>
        <translation>同样的数字，加一个由 32 个 tanh 单元组成的隐藏层。测试准确率超过了 softmax 回归，而隐藏单元的权重图像不再是完整的数字，而是一些局部：笔画、圆圈和边缘，由输出层组合起来。</translation>
    </message>
    <message>
        <source>Press **Train** and compare the test accuracy with the softmax regression lesson.</source>
        <translation>按下**训练**，把测试准确率与 softmax 回归那一课比较。</translation>
    </message>
    <message>
        <source>Open **What each unit learned**: each of the 32 images is one hidden unit&apos;s incoming weights.</source>
        <translation>打开**各单元学到了什么**：32 幅图像中的每一幅都是一个隐藏单元的输入权重。</translation>
    </message>
    <message>
        <source>Look for units that respond to a stroke or a corner rather than to a whole digit.</source>
        <translation>找一找那些对某一笔画或某个角、而不是对整个数字有反应的单元。</translation>
    </message>
    <message>
        <source>Try **Only 8 hidden units** and **ReLU instead of tanh** below.</source>
        <translation>试试下方的**只用 8 个隐藏单元**和**用 ReLU 代替 tanh**。</translation>
    </message>
    <message>
        <source>Why do hidden units learn parts of digits and not whole digits?</source>
        <translation>为什么隐藏单元学到的是数字的局部，而不是完整的数字？</translation>
    </message>
    <message>
        <source>Nothing asks a hidden unit to stand for one class: the output layer weighs all of them together, so training makes each unit useful to many classes at once. A part that several digits share (a vertical stroke, a closed loop) is useful to many classes; a whole template is useful to one.</source>
        <translation>没有什么要求一个隐藏单元只代表一个类别：输出层把所有隐藏单元加权组合，所以训练让每个单元同时对多个类别有用。几个数字共有的局部（一条竖线、一个闭合的圈）对许多类别有用；一个完整的模板只对一个类别有用。</translation>
    </message>
    <message>
        <source>After 20 epochs (SGD, learning rate 0.3, batches of 32): test accuracy 97.6 % (training 99.0 %, training loss 0.066), against 96.3 % for softmax regression. A hidden unit&apos;s weight image correlates with the average digit it resembles most only about 0.5 on average, against about 0.9 for softmax regression&apos;s class images. With 8 hidden units: 97.4 %; with 32 ReLU units: 96.9 %.</source>
        <translation>训练 20 轮后（SGD，学习率 0.3，批大小 32）：测试准确率 97.6 %（训练准确率 99.0 %，训练损失 0.066），而 softmax 回归为 96.3 %。隐藏单元的权重图像与它最像的平均数字之间的相关性平均只有约 0.5，而 softmax 回归的类别图像约为 0.9。用 8 个隐藏单元：97.4 %；用 32 个 ReLU 单元：96.9 %。</translation>
    </message>
    <message>
        <source>Only 8 hidden units</source>
        <translation>只用 8 个隐藏单元</translation>
    </message>
    <message>
        <source>Fewer, busier units: the accuracy barely changes on this small data set.</source>
        <translation>单元更少、各自更忙：在这个小数据集上准确率几乎不变。</translation>
    </message>
    <message>
        <source>ReLU instead of tanh</source>
        <translation>用 ReLU 代替 tanh</translation>
    </message>
    <message>
        <source>Sigmoid&apos;s slope is at most 0.25, so its gradients shrink at every layer and training crawls; tanh, ReLU and LeakyReLU learn the spiral in the same 40 epochs.</source>
        <translation>Sigmoid 的斜率最大只有 0.25，所以梯度每经过一层就缩小一次，训练非常缓慢；tanh、ReLU 和 LeakyReLU 在同样的 40 轮内就学会了螺旋。</translation>
    </message>
    <message>
        <source>| learning rate | loss at start | after 1 epoch | after 10 epochs |
|---|---|---|---|
| 0.0005 | 33.2 | 28.2 | 6.7 |
| 0.02 | 33.2 | 0.32 | 0.195 |
| 0.15 | 33.2 | 20,475 | 2·10²² |

With 0.15, press **Train 10 more epochs** (or Train again) and the loss becomes infinite: the app stops and says so.</source>
        <translation>| 学习率 | 初始损失 | 1 轮后 | 10 轮后 |
|---|---|---|---|
| 0.0005 | 33.2 | 28.2 | 6.7 |
| 0.02 | 33.2 | 0.32 | 0.195 |
| 0.15 | 33.2 | 20,475 | 2·10²² |

学习率为 0.15 时点 **再训练 10 轮**（或再点一次“训练”），损失会变成无穷大：程序会停下来并给出提示。</translation>
    </message>
    <message>
        <source>Why does CrossEntropyLoss take logits and not probabilities?</source>
        <translation>为什么 CrossEntropyLoss 的输入是 logits 而不是概率？</translation>
    </message>
    <message>
        <source>It applies log-softmax itself, in one numerically stable step. Adding an nn.Softmax layer before it would apply softmax twice and make the gradients small.</source>
        <translation>它自己会做 log-softmax，一步完成且数值稳定。如果在它前面再加一个 nn.Softmax 层，softmax 就会被做两次，梯度也会变小。</translation>
    </message>
    <message>
        <source>| activation | training accuracy | test accuracy |
|---|---|---|
| Sigmoid | 49 % | 59 % |
| Tanh | 99 % | 98 % |
| ReLU | 100 % | 97 % |
| LeakyReLU | 100 % | 97 % |

All after 40 epochs.</source>
        <translation>| 激活函数 | 训练准确率 | 测试准确率 |
|---|---|---|
| Sigmoid | 49 % | 59 % |
| Tanh | 99 % | 98 % |
| ReLU | 100 % | 97 % |
| LeakyReLU | 100 % | 97 % |

均为训练 40 轮后的结果。</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>LeakyReLU</source>
        <translation>LeakyReLU</translation>
    </message>
    <message>
        <source>The spiral: depth, width, or better inputs</source>
        <translation>螺旋：加深、加宽，还是换更好的输入</translation>
    </message>
    <message>
        <source>Two interleaved spirals are TensorFlow Playground&apos;s hardest set. A small network cannot follow them; a deeper, wider one can; and derived inputs such as sin(X₁) make a tiny one enough.</source>
        <translation>两条交错的螺旋是 TensorFlow Playground 中最难的数据集。小网络跟不上它们；更深、更宽的网络可以；而加上 sin(X₁) 这样的衍生输入，一个很小的网络就足够了。</translation>
    </message>
    <message>
        <source>Press **Train** with one hidden layer of 3 units and watch it give up.</source>
        <translation>用一个 3 单元的隐藏层按下**训练**，看它如何败下阵来。</translation>
    </message>
    <message>
        <source>Press **Deeper and wider** and train again.</source>
        <translation>按下**更深更宽**，再训练一次。</translation>
    </message>
    <message>
        <source>Press **sin inputs, 4 units**: a small network with better inputs.</source>
        <translation>按下**sin 输入，4 个单元**：一个小网络配上更好的输入。</translation>
    </message>
    <message>
        <source>The test accuracy in the scoreboard, and the shape of the boundary.</source>
        <translation>记分板上的测试准确率，以及决策边界的形状。</translation>
    </message>
    <message>
        <source>Why do sin(X₁) and sin(X₂) help so much here?</source>
        <translation>为什么 sin(X₁) 和 sin(X₂) 在这里这么有用？</translation>
    </message>
    <message>
        <source>The spiral&apos;s arms alternate as the radius grows, and sine features already alternate in space. The network only has to combine them instead of building the waves out of straight lines.</source>
        <translation>随着半径增大，螺旋的两条臂交替出现，而正弦特征在空间上本来就是交替变化的。网络只需要把它们组合起来，而不必用直线拼出这些波形。</translation>
    </message>
    <message>
        <source>| network | training accuracy | test accuracy |
|---|---|---|
| 1 × 3 tanh | 71 % | 65 % |
| 2 × 8 tanh | 99.5 % | 94.5 % |
| sin inputs, 1 × 4 tanh | 99.5 % | 95 % |

All after 160 epochs.</source>
        <translation>| 网络 | 训练准确率 | 测试准确率 |
|---|---|---|
| 1 × 3 tanh | 71 % | 65 % |
| 2 × 8 tanh | 99.5 % | 94.5 % |
| sin 输入，1 × 4 tanh | 99.5 % | 95 % |

均为训练 160 轮后的结果。</translation>
    </message>
    <message>
        <source>Deeper and wider: 2 × 8</source>
        <translation>更深更宽：2 × 8</translation>
    </message>
    <message>
        <source>Two hidden layers of 8 tanh units.</source>
        <translation>两个各有 8 个 tanh 单元的隐藏层。</translation>
    </message>
    <message>
        <source>sin inputs, 4 units</source>
        <translation>sin 输入，4 个单元</translation>
    </message>
    <message>
        <source>X₁, X₂, sin(X₁), sin(X₂) into one layer of 4 units.</source>
        <translation>把 X₁、X₂、sin(X₁)、sin(X₂) 输入一个 4 单元的隐藏层。</translation>
    </message>
    <message>
        <source>Vanishing gradients in a deep sigmoid network</source>
        <translation>深层 sigmoid 网络中的梯度消失</translation>
    </message>
    <message>
        <source>Six sigmoid layers on the circle: the gradient shrinks by a factor of four or more at every layer on its way back, so the first layers hardly learn and the loss stays at log 2 ≈ 0.693.</source>
        <translation>在圆形数据上用六个 sigmoid 隐藏层：梯度在反向传播时每经过一层就缩小到四分之一甚至更小，所以前面几层几乎学不到东西，损失停在 log 2 ≈ 0.693。</translation>
    </message>
    <message>
        <source>Press **Train** and watch the loss stay flat.</source>
        <translation>按下**训练**，观察损失曲线一直是平的。</translation>
    </message>
    <message>
        <source>Open the **Maths** tab and compare the gradient of 0.weight (first layer) with that of 12.weight (output layer).</source>
        <translation>打开**数学推导**标签页，比较 0.weight（第一层）和 12.weight（输出层）的梯度。</translation>
    </message>
    <message>
        <source>Press **ReLU + Kaiming init** or **Tanh + Xavier init** below and train again.</source>
        <translation>按下方的**ReLU + Kaiming 初始化**或**Tanh + Xavier 初始化**，再训练一次。</translation>
    </message>
    <message>
        <source>The gradient norms per layer: about a million times smaller at the first layer than at the last.</source>
        <translation>每一层的梯度范数：第一层大约比最后一层小一百万倍。</translation>
    </message>
    <message>
        <source>Where does the factor of four per layer come from?</source>
        <translation>每层缩小四倍是从哪里来的？</translation>
    </message>
    <message>
        <source>σ′(z) = σ(z)(1 − σ(z)) is at most 0.25. Backpropagation multiplies by σ′ once per layer, and by small weights as well, so six layers shrink the signal by 4⁶ ≈ 4,000 or more.</source>
        <translation>σ′(z) = σ(z)(1 − σ(z)) 最大只有 0.25。反向传播每经过一层都要乘一次 σ′，还要乘上较小的权重，所以六层下来信号会缩小 4⁶ ≈ 4000 倍甚至更多。</translation>
    </message>
    <message>
        <source>| network | training loss | training accuracy | test accuracy |
|---|---|---|---|
| 6 × 8 sigmoid | 0.694 | 51 % | 49 % |
| 6 × 8 ReLU, Kaiming init | 0.027 | 100 % | 100 % |
| 6 × 8 tanh, Xavier init | 0.012 | 100 % | 100 % |

All after 30 epochs. In the sigmoid network, the gradient norm on the last step is about 10⁻⁶ for 0.weight and 0.46 for 12.weight.</source>
        <translation>| 网络 | 训练损失 | 训练准确率 | 测试准确率 |
|---|---|---|---|
| 6 × 8 sigmoid | 0.694 | 51 % | 49 % |
| 6 × 8 ReLU，Kaiming 初始化 | 0.027 | 100 % | 100 % |
| 6 × 8 tanh，Xavier 初始化 | 0.012 | 100 % | 100 % |

均为训练 30 轮后的结果。在 sigmoid 网络中，最后一步的梯度范数：0.weight 约为 10⁻⁶，12.weight 约为 0.46。</translation>
    </message>
    <message>
        <source>ReLU + Kaiming init</source>
        <translation>ReLU + Kaiming 初始化</translation>
    </message>
    <message>
        <source>ReLU&apos;s slope is 1 for positive inputs; Kaiming init keeps the signal&apos;s size from layer to layer.</source>
        <translation>ReLU 对正输入的斜率为 1；Kaiming 初始化让信号的大小在层与层之间保持不变。</translation>
    </message>
    <message>
        <source>Tanh + Xavier init</source>
        <translation>Tanh + Xavier 初始化</translation>
    </message>
    <message>
        <source>tanh&apos;s slope is 1 at 0; Xavier init scales the weights to the layer sizes.</source>
        <translation>tanh 在 0 处的斜率为 1；Xavier 初始化按各层的大小缩放权重。</translation>
    </message>
    <message>
        <source>Dead ReLUs after a too-large learning rate</source>
        <translation>学习率过大导致 ReLU 死亡</translation>
    </message>
    <message>
        <source>Press **Train** with learning rate 2.</source>
        <translation>在学习率为 2 时按下**训练**。</translation>
    </message>
    <message>
        <source>Open the **Maths** tab: it counts the units that output 0 for every training example.</source>
        <translation>打开**数学推导**标签页：它会统计对所有训练样本都输出 0 的单元个数。</translation>
    </message>
    <message>
        <source>Press **Learning rate 0.1** or **LeakyReLU** below and train again.</source>
        <translation>按下方的**学习率 0.1**或**LeakyReLU**，再训练一次。</translation>
    </message>
    <message>
        <source>Why does LeakyReLU not die in the same way?</source>
        <translation>为什么 LeakyReLU 不会以同样的方式死亡？</translation>
    </message>
    <message>
        <source>Its slope for negative inputs is 0.01 rather than 0, so a unit that is negative everywhere still gets a small gradient and can come back.</source>
        <translation>它对负输入的斜率是 0.01 而不是 0，所以即使一个单元在所有样本上都是负的，它仍能得到一个小的梯度，从而有机会恢复。</translation>
    </message>
    <message>
        <source>| run | dead units (layer 1, layer 2) | training accuracy | test accuracy |
|---|---|---|---|
| ReLU, learning rate 2 | 8 of 16, 16 of 16 | 51 % | 49 % |
| ReLU, learning rate 0.1 | 0, 1 | 100 % | 100 % |
| LeakyReLU, learning rate 2 | none | 100 % | 97 % |

All after 20 epochs.</source>
        <translation>| 设置 | 死亡单元（第 1 层，第 2 层） | 训练准确率 | 测试准确率 |
|---|---|---|---|
| ReLU，学习率 2 | 16 个中 8 个，16 个中 16 个 | 51 % | 49 % |
| ReLU，学习率 0.1 | 0，1 | 100 % | 100 % |
| LeakyReLU，学习率 2 | 无 | 100 % | 97 % |

均为训练 20 轮后的结果。</translation>
    </message>
    <message>
        <source>Learning rate 0.1</source>
        <translation>学习率 0.1</translation>
    </message>
    <message>
        <source>LeakyReLU at learning rate 2</source>
        <translation>LeakyReLU，学习率 2</translation>
    </message>
    <message>
        <source>Overfitting, L2 and dropout</source>
        <translation>过拟合、L2 正则化与 Dropout</translation>
    </message>
    <message>
        <source>Fifteen noisy training points and a network with more than a thousand weights: it can pass through every point and be wrong in between. L2 and dropout pull it back towards a smooth curve.</source>
        <translation>15 个带噪声的训练点，配上一个有一千多个权重的网络：它可以穿过每一个点，却在点与点之间出错。L2 正则化和 Dropout 能把它拉回到一条平滑的曲线。</translation>
    </message>
    <message>
        <source>Press **Train** and watch the curve start to wiggle through the noisy points.</source>
        <translation>按下**训练**，观察曲线如何开始弯弯曲曲地穿过那些带噪声的点。</translation>
    </message>
    <message>
        <source>Compare the training loss with the test loss in the scoreboard.</source>
        <translation>在记分板上比较训练损失和测试损失。</translation>
    </message>
    <message>
        <source>Press **L2 0.01** or **Dropout 0.3** below and train again.</source>
        <translation>按下方的**L2 0.01**或**Dropout 0.3**，再训练一次。</translation>
    </message>
    <message>
        <source>The gap between training and test loss.</source>
        <translation>训练损失与测试损失之间的差距。</translation>
    </message>
    <message>
        <source>Why does a smaller training loss give a larger test loss here?</source>
        <translation>为什么这里训练损失越小，测试损失反而越大？</translation>
    </message>
    <message>
        <source>Past a point, the network fits the noise in the fifteen training points rather than the sine wave, and that noise is different at the test points.</source>
        <translation>超过某个程度后，网络拟合的是这 15 个训练点中的噪声，而不是正弦波本身，而测试点上的噪声是不同的。</translation>
    </message>
    <message>
        <source>| run | training loss | test loss | test R² |
|---|---|---|---|
| no regularisation | 0.028 | 0.363 | 0.40 |
| L2 0.01 | 0.028 | 0.228 | 0.62 |
| dropout 0.3 | 0.063 | 0.184 | 0.70 |

All after 200 epochs (mean squared error).</source>
        <translation>| 设置 | 训练损失 | 测试损失 | 测试 R² |
|---|---|---|---|
| 无正则化 | 0.028 | 0.363 | 0.40 |
| L2 0.01 | 0.028 | 0.228 | 0.62 |
| Dropout 0.3 | 0.063 | 0.184 | 0.70 |

均为训练 200 轮后的结果（均方误差）。</translation>
    </message>
    <message>
        <source>L2 0.01</source>
        <translation>L2 0.01</translation>
    </message>
    <message>
        <source>Adds 0.01·Σw² to the loss: large weights, and sharp wiggles, cost more.</source>
        <translation>在损失上加上 0.01·Σw²：大的权重以及剧烈的弯曲都要付出更大的代价。</translation>
    </message>
    <message>
        <source>Dropout 0.3</source>
        <translation>Dropout 0.3</translation>
    </message>
    <message>
        <source>Drops 30 % of the hidden units at random at each step, so no unit can rely on another to fit one point.</source>
        <translation>每一步随机丢弃 30 % 的隐藏单元，这样任何单元都不能依赖其他单元去拟合某一个点。</translation>
    </message>
    <message>
        <source>Softmax regression on a table with ten features</source>
        <translation>十个特征的表格数据上的 softmax 回归</translation>
    </message>
    <message>
        <source>Four classes measured by ten features on very different scales. Softmax regression (one nn.Linear(10, 4) and cross-entropy) gets most of them right, and the confusion matrix shows where it does not.</source>
        <translation>四个类别，用十个尺度差别很大的特征来描述。softmax 回归（一个 nn.Linear(10, 4) 加交叉熵损失）能把大部分样本分对，混淆矩阵则显示它在哪里出错。</translation>
    </message>
    <message>
        <source>Press **Train** and look at the confusion matrix: rows are the true classes, columns the predicted ones.</source>
        <translation>按下**训练**，查看混淆矩阵：行是真实类别，列是预测类别。</translation>
    </message>
    <message>
        <source>Find the two classes the model confuses.</source>
        <translation>找出模型混淆的两个类别。</translation>
    </message>
    <message>
        <source>Press **Add a hidden layer** below: does a bigger model fix it?</source>
        <translation>按下方的**添加一个隐藏层**：更大的模型能解决问题吗？</translation>
    </message>
    <message>
        <source>A and D are always right; B and C are mixed up.</source>
        <translation>A 和 D 总是分对；B 和 C 则混在一起。</translation>
    </message>
    <message>
        <source>Why doesn&apos;t a hidden layer help much?</source>
        <translation>为什么加隐藏层没有多大帮助？</translation>
    </message>
    <message>
        <source>B and C overlap in the data themselves: their measurements come from neighbouring distributions. No model can separate points that sit in the same place; only better features could.</source>
        <translation>B 和 C 在数据本身中就是重叠的：它们的测量值来自相邻的分布。落在同一位置的点，任何模型都分不开；只有更好的特征才行。</translation>
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
        <translation>训练 30 轮后测试准确率为 82.5 %（训练准确率 83.6 %）。120 个测试样本上的混淆矩阵：

| 真实 ↓ / 预测 → | A | B | C | D |
|---|---|---|---|---|
| A | 31 | 0 | 0 | 0 |
| B | 0 | 16 | 13 | 0 |
| C | 0 | 7 | 23 | 0 |
| D | 0 | 0 | 1 | 29 |

加一个 16 个 ReLU 单元的隐藏层，测试准确率仍是 82.5 %；不做标准化时为 73 %。</translation>
    </message>
    <message>
        <source>Add a hidden layer (16 ReLU)</source>
        <translation>添加一个隐藏层（16 个 ReLU）</translation>
    </message>
    <message>
        <source>Without standardisation</source>
        <translation>不做标准化</translation>
    </message>
</context>
<context>
    <name>notebook</name>
    <message>
        <source>What to do</source>
        <translation>操作步骤</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>观察要点</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>思考题</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Exported from Torch Playground. Plain PyTorch: run the cells from top to bottom; on a CPU the training loss repeats the playground&apos;s, epoch for epoch.</source>
        <translation>由 Torch Playground 导出。纯 PyTorch 代码：从上到下依次运行各单元格；在 CPU 上，训练损失逐轮与 Playground 中的完全一致。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>The same points as in the playground: generated or read with the same code and seeds, then shuffled and split into training and test sets.</source>
        <translation>与 Playground 中相同的数据：用同样的代码和随机种子生成或读取，然后打乱并划分为训练集和测试集。</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>What the network sees: `preprocess` turns raw inputs into the network&apos;s inputs.</source>
        <translation>网络看到的内容：`preprocess` 把原始输入转换为网络的输入。</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>The network built in the playground, with `torch.nn`.</source>
        <translation>在 Playground 中搭建的网络，用 `torch.nn` 写成。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>The playground&apos;s training loop, step for step: the same seed, batch order, loss and optimizer.</source>
        <translation>Playground 的训练循环，一步不差：相同的随机种子、批次顺序、损失函数和优化器。</translation>
    </message>
    <message>
        <source>Loss curve</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <source>What the model learned</source>
        <translation>模型学到了什么</translation>
    </message>
    <message>
        <source>Each row of the first layer&apos;s weight matrix, drawn as an image: blue pixels push the unit (or the class) up, orange ones push it down.</source>
        <translation>第一层权重矩阵的每一行画成一幅图像：蓝色像素使该单元（或该类别）的值升高，橙色像素使其降低。</translation>
    </message>
    <message>
        <source>The decision boundary: the model&apos;s output over the plane, with the training points.</source>
        <translation>决策边界：模型在整个平面上的输出，以及训练数据点。</translation>
    </message>
    <message>
        <source>The fitted curve over the training points.</source>
        <translation>训练数据点上的拟合曲线。</translation>
    </message>
</context>
<context>
    <name>registry</name>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>LeakyReLU</source>
        <translation>LeakyReLU</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>SiLU</source>
        <translation>SiLU</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Softplus</source>
        <translation>Softplus</translation>
    </message>
    <message>
        <source>Identity (linear)</source>
        <translation>恒等（线性）</translation>
    </message>
    <message>
        <source>Softmax (over the layer&apos;s units)</source>
        <translation>Softmax（作用于本层各单元）</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>Binary cross-entropy (logits)</source>
        <translation>二元交叉熵（logits）</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>Mean absolute error (L1)</source>
        <translation>平均绝对误差（L1）</translation>
    </message>
    <message>
        <source>Huber</source>
        <translation>Huber 损失</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <source>PyTorch default</source>
        <translation>PyTorch 默认</translation>
    </message>
    <message>
        <source>Xavier (uniform)</source>
        <translation>Xavier（均匀分布）</translation>
    </message>
    <message>
        <source>Xavier (normal)</source>
        <translation>Xavier（正态分布）</translation>
    </message>
    <message>
        <source>Kaiming (uniform)</source>
        <translation>Kaiming（均匀分布）</translation>
    </message>
    <message>
        <source>Kaiming (normal)</source>
        <translation>Kaiming（正态分布）</translation>
    </message>
    <message>
        <source>Zeros for hidden layers (shows the symmetry problem)</source>
        <translation>隐藏层全零（演示对称性问题）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>BatchNorm</source>
        <translation>BatchNorm</translation>
    </message>
    <message>
        <source>LayerNorm</source>
        <translation>LayerNorm</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov 动量</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>β₁</source>
        <translation>β₁</translation>
    </message>
    <message>
        <source>β₂</source>
        <translation>β₂</translation>
    </message>
    <message>
        <source>Epsilon</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>Smoothing (α)</source>
        <translation>平滑系数（α）</translation>
    </message>
    <message>
        <source>Centered</source>
        <translation>中心化</translation>
    </message>
    <message>
        <source>Learning-rate decay</source>
        <translation>学习率衰减</translation>
    </message>
    <message>
        <source>Auto (best available)</source>
        <translation>自动（最佳可用设备）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>safetensors</source>
        <translation>safetensors</translation>
    </message>
    <message>
        <source>Weights with metadata: architecture, inputs, preprocessing, class names (the default).</source>
        <translation>权重及元数据：网络结构、输入、预处理、类别名（默认格式）。</translation>
    </message>
    <message>
        <source>PyTorch state_dict</source>
        <translation>PyTorch state_dict</translation>
    </message>
    <message>
        <source>Tensors only; torch.load(weights_only=True) loads them into the generated model.</source>
        <translation>仅包含张量；用 torch.load(weights_only=True) 加载到生成的模型中。</translation>
    </message>
    <message>
        <source>ONNX</source>
        <translation>ONNX</translation>
    </message>
    <message>
        <source>Takes raw inputs (preprocessing inside), dynamic batch; needs the onnx extra.</source>
        <translation>接受原始输入（内含预处理），批大小可变；需要安装 onnx 附加组件。</translation>
    </message>
    <message>
        <source>Python script</source>
        <translation>Python 脚本</translation>
    </message>
    <message>
        <source>Standalone PyTorch code: the model, preprocessing, predict() and train() (+ a .pt).</source>
        <translation>独立的 PyTorch 代码：模型、预处理、predict() 和 train()（另附一个 .pt 文件）。</translation>
    </message>
    <message>
        <source>Jupyter notebook</source>
        <translation>Jupyter 笔记本</translation>
    </message>
    <message>
        <source>The .py script&apos;s code in cells, with text, training and matplotlib plots (trains from scratch).</source>
        <translation>.py 脚本的代码按单元格拆分，附说明文字、训练过程和 matplotlib 图（从头训练）。</translation>
    </message>
    <message>
        <source>Data (CSV)</source>
        <translation>数据（CSV）</translation>
    </message>
    <message>
        <source>The train and test points, edits included, with a split column.</source>
        <translation>训练点和测试点（含编辑），带一个 split 列。</translation>
    </message>
</context>
<context>
    <name>runner</name>
    <message>
        <source>training diverged; reset the weights to start again</source>
        <translation>训练已发散；请重置权重后重新开始</translation>
    </message>
    <message>
        <source>the loss became {0} at step {1}; try a smaller learning rate</source>
        <translation>损失在第 {1} 步变成了 {0}；请尝试更小的学习率</translation>
    </message>
    <message>
        <source>there is no model to train yet</source>
        <translation>还没有可以训练的模型</translation>
    </message>
    <message>
        <source>{0} is not available here; training on the CPU instead</source>
        <translation>本机没有 {0}；改用 CPU 训练</translation>
    </message>
    <message>
        <source>reached the epoch limit ({0}); raise Epochs to train on</source>
        <translation>已达到轮数上限（{0}）；调高轮数即可继续训练</translation>
    </message>
    <message numerus="yes">
        <source>finished %n epoch(s)</source>
        <translation>
            <numerusform>已完成 %n 轮训练</numerusform>
        </translation>
    </message>
    <message>
        <source>out of memory; try a smaller model, batch size or data set</source>
        <translation>内存不足；请尝试更小的模型、批大小或数据集</translation>
    </message>
    <message>
        <source>the GPU reported an error: {0}</source>
        <translation>GPU 报告了错误：{0}</translation>
    </message>
</context>
</TS>
