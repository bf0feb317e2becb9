// Which file a request for a static path gets, safely.
//
// The request target is cut at '?' or '#', percent-decoded once, and refused (400) when it is
// not absolute, a %-escape is malformed, or the decoded path holds a NUL, a backslash, or a `.`
// or `..` segment (so neither `/../x` nor `/%2e%2e/x` nor `/..%2fx` leaves the root). `/` is
// `/index.html`; a folder is 404 (no listing); a file whose real path (symbolic links followed)
// lies outside the root is 404. The content type comes from the extension.
#pragma once

#include <string>
#include <string_view>

namespace rampart::console {

struct StaticFile {
  int status = 404;  ///< 200, 400 or 404
  std::string path;  ///< the file to send when status is 200
  std::string content_type;
};

StaticFile resolve_static(const std::string& root, std::string_view target);

/// The MIME type of a file name by its extension (application/octet-stream when unknown).
std::string content_type_of(std::string_view name);

}  // namespace rampart::console
