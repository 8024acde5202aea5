#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace opentok::conformance {

// An element of a parsed XML document: its name, attributes, the text directly inside it
// (entities and CDATA decoded, pieces between child elements concatenated) and its child
// elements in document order.
struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string text;
  std::vector<XmlElement> children;

  // The first child element called `name`; null when there is none.
  XmlElement const* Child(std::string_view child_name) const;
  // The first element called `name` in document order, this one included: what .NET's
  // XmlDocument.GetElementsByTagName(name)[0] returns.
  XmlElement const* FirstDescendant(std::string_view element_name) const;
};

// Parses a whole XML document strictly enough to tell whether the parsers of the official
// SDKs would read it (PHP's SimpleXML, Ruby's REXML through HTTParty, .NET's XmlDocument
// all reject a document that is not well-formed): an optional XML declaration, comments and
// processing instructions, exactly one root element, matching end tags, quoted attributes,
// the five predefined entities and character references. A DOCTYPE is refused (the service
// sends none). Returns the root, or nullopt with the reason in `why`.
std::optional<XmlElement> ParseXml(std::string_view document, std::string* why);

}  // namespace opentok::conformance
