namespace Suanbei.Core.GenerativeAi;

/// <summary>The six function classes of the 上线备案表 (服务功能); a service ticks one or more.</summary>
[Flags]
public enum GenerativeAiFunctions
{
    None = 0,
    Dialogue = 1,          // 人机对话
    TextGeneration = 2,    // 文字生成
    ImageGeneration = 4,   // 图片生成
    VoiceSynthesis = 8,    // 声音合成
    VideoSynthesis = 16,   // 视频合成
    CodeGeneration = 32,   // 代码生成
}
