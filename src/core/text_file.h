// Reading a whole text file.
#pragma once

#include <optional>
#include <string>

namespace rampart {

/// The file's bytes, or nullopt when it cannot be opened.
std::optional<std::string> read_text_file(const std::string& path);

}  // namespace rampart
