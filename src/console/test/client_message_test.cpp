#include "console/client_message.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace rampart::console {
namespace {

TEST(ClientMessage, ParsesEveryKind) {
  EXPECT_EQ(std::get<Control>(parse_client_message(R"({"type":"control","action":"pause"})")).action,
            Control::Action::kPause);
  const auto speed = std::get<Control>(parse_client_message(R"({"type":"control","action":"speed","value":20})"));
  EXPECT_EQ(speed.action, Control::Action::kSpeed);
  EXPECT_EQ(speed.speed, 20.0);
  EXPECT_EQ(std::get<Seek>(parse_client_message(R"({"type":"seek","t_s":412.5})")).t_s, 412.5);
  EXPECT_TRUE(std::get<ShowTruth>(parse_client_message(R"({"type":"truth","show":true})")).show);
  const auto d = std::get<Decide>(parse_client_message(R"({"type":"decide","proposal":3,"approve":false})"));
  EXPECT_EQ(d.proposal, 3u);
  EXPECT_FALSE(d.approve);
  const auto i = std::get<Inject>(parse_client_message(R"({"type":"inject","event":{"action":"sensor_out","target":"R"}})"));
  EXPECT_EQ(i.event.at("target"), "R");
}

TEST(ClientMessage, RefusesMalformedOversizedAndUnexpectedMessagesSayingWhy) {
  const std::pair<std::string, std::string> cases[] = {
      {"", "not JSON"},
      {"{\"type\":", "not JSON"},
      {"[1,2]", "a JSON object"},
      {"{}", "string 'type'"},
      {R"({"type":7})", "string 'type'"},
      {R"({"type":"launch_everything"})", "unknown message type"},
      {R"({"type":"control"})", "needs 'action'"},
      {R"({"type":"control","action":"rewind"})", "pause, resume, step or speed"},
      {R"({"type":"control","action":"speed"})", "needs 'value'"},
      {R"({"type":"control","action":"speed","value":"fast"})", "must be a number"},
      {R"({"type":"control","action":"speed","value":1000})", "from 0.1 to 100"},
      {R"({"type":"control","action":"speed","value":0})", "from 0.1 to 100"},
      {R"({"type":"control","action":"pause","extra":1})", "unexpected field 'extra'"},
      {R"({"type":"seek","t_s":-1})", "'t_s' must be from 0"},
      {R"({"type":"seek","t_s":1e400})", "not JSON"},
      {R"({"type":"truth","show":"yes"})", "true or false"},
      {R"({"type":"decide","proposal":-3,"approve":true})", "a proposal's id"},
      {R"({"type":"decide","proposal":0,"approve":true})", "a proposal's id"},
      {R"({"type":"decide","proposal":1.5,"approve":true})", "a proposal's id"},
      {R"({"type":"decide","proposal":2})", "needs 'approve'"},
      {R"({"type":"inject","event":"add_raid"})", "object with a string 'action'"},
      {R"({"type":"inject","event":{"action":4}})", "object with a string 'action'"},
      {std::string(5000, ' ') + "{}", "the most is 4096"},
  };
  for (const auto& [text, expected] : cases) {
    try {
      parse_client_message(text);
      ADD_FAILURE() << "accepted: " << text.substr(0, 80);
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << text.substr(0, 80) << " -> " << e.what();
    }
  }
}

}  // namespace
}  // namespace rampart::console
