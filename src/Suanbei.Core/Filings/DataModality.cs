namespace Suanbei.Core.Filings;

/// <summary>Data modalities of an algorithm's input and output (算法数据: 输入/输出模态).</summary>
[Flags]
public enum DataModality
{
    None = 0,
    Text = 1,          // 文本
    Image = 2,         // 图片
    Audio = 4,         // 音频
    Video = 8,         // 视频
    VirtualScene = 16, // 虚拟场景
}
