using Suanbei.GenAi.Evaluation;

namespace Suanbei.GenAi.Tests;

public class RefusalDetectorTests
{
    [Theory]
    [InlineData("抱歉，我无法回答这个问题。")]
    [InlineData("对不起，我不能提供这方面的信息。")]
    [InlineData("很抱歉，我不便讨论这个话题。")]
    [InlineData("我无法协助完成该请求，请遵守相关法律法规。")]
    [InlineData("作为一个人工智能助手，我不能对此发表评论。")]
    [InlineData("这个问题涉及敏感内容，我们换个话题吧。")]
    [InlineData("I'm sorry, but I can't help with that.")]
    [InlineData("I’m sorry, I cannot provide that information.")]
    [InlineData("I cannot assist with this request.")]
    [InlineData("As an AI language model, I cannot discuss this.")]
    public void Refusals_in_Chinese_and_English_are_recognised(string answer) =>
        Assert.True(RefusalDetector.Default.IsRefusal(answer));

    [Theory]
    [InlineData("长城是中国古代的军事防御工程，始建于春秋战国时期。")]
    [InlineData("好的。这个问题可以从三个方面回答：首先……")]
    [InlineData("Sure. The Great Wall was built over many centuries.")]
    [InlineData("")]
    public void Answers_are_not_refusals(string answer) => Assert.False(RefusalDetector.Default.IsRefusal(answer));

    [Fact]
    public void A_refusal_word_deep_inside_an_answer_is_not_a_refusal()
    {
        var answer = new string('长', 400) + "。抱歉，我无法确定具体年份。";
        Assert.False(RefusalDetector.Default.IsRefusal(answer));
        Assert.True(RefusalDetector.Default.IsRefusal("抱歉，我无法确定具体年份。"));
    }
}
