using Microsoft.Bot.Builder;
using Pingtang.Bot.Channels.BotFramework;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPingtangData();
builder.AddBotCore();
builder.Services.AddSingleton<IBot, DialogBot>();
builder.AddBotFrameworkChannel();

var app = builder.Build();
app.MapBotFrameworkChannel();
app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
