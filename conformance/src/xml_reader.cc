#include "xml_reader.h"

#include <cstdint>

namespace opentok::conformance {

XmlElement const* XmlElement::Child(std::string_view child_name) const {
  for (auto const& child : children) {
    if (child.name == child_name) return &child;
  }
  return nullptr;
}

XmlElement const* XmlElement::FirstDescendant(std::string_view element_name) const {
  if (name == element_name) return this;
  for (auto const& child : children) {
    if (auto const* found = child.FirstDescendant(element_name)) return found;
  }
  return nullptr;
}

namespace {

bool IsNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

void AppendUtf8(std::uint32_t code, std::string& out) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  std::optional<XmlElement> Document(std::string* why) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // a UTF-8 byte order mark
    std::optional<XmlElement> root;
    if (Misc() && Peek('<') && !Starts("<!")) root = Element();
    if (root && !Misc()) root.reset();
    if (root && pos_ != text_.size()) Fail("content after the root element");
    if (!root && error_.empty()) Fail("no root element");
    if (!error_.empty()) {
      if (why) *why = error_ + " at byte " + std::to_string(pos_);
      return std::nullopt;
    }
    return root;
  }

 private:
  bool Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return false;
  }
  bool Peek(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool Starts(std::string_view prefix) const { return text_.substr(pos_, prefix.size()) == prefix; }
  void SkipSpace() {
    while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
  }
  // Skips past `end`; false when the document ends first.
  bool SkipPast(std::string_view end, char const* what) {
    auto found = text_.find(end, pos_);
    if (found == std::string_view::npos) return Fail(std::string("unterminated ") + what);
    pos_ = found + end.size();
    return true;
  }

  // Whitespace, comments and processing instructions (the declaration among them) around
  // the root element.
  bool Misc() {
    for (;;) {
      SkipSpace();
      if (Starts("<!--")) {
        if (!SkipPast("-->", "comment")) return false;
      } else if (Starts("<?")) {
        if (!SkipPast("?>", "processing instruction")) return false;
      } else if (Starts("<!")) {
        return Fail("a DOCTYPE or other declaration");
      } else {
        return true;
      }
    }
  }

  std::string Name() {
    std::size_t start = pos_;
    if (pos_ < text_.size() && IsNameStart(text_[pos_])) {
      while (pos_ < text_.size() && IsNameChar(text_[pos_])) ++pos_;
    }
    if (start == pos_) Fail("a name was expected");
    return std::string(text_.substr(start, pos_ - start));
  }

  // Decodes an entity or character reference at '&' into `out`.
  bool Reference(std::string& out) {
    auto semicolon = text_.find(';', pos_);
    if (semicolon == std::string_view::npos || semicolon - pos_ > 10) return Fail("a bare '&'");
    std::string_view ref = text_.substr(pos_ + 1, semicolon - pos_ - 1);
    pos_ = semicolon + 1;
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
    for (auto const& [entity, c] : kEntities) {
      if (ref == entity) {
        out += c;
        return true;
      }
    }
    if (ref.size() < 2 || ref[0] != '#') return Fail("an unknown entity &" + std::string(ref) + ";");
    bool hex = ref[1] == 'x';
    std::string_view digits = ref.substr(hex ? 2 : 1);
    std::uint32_t code = 0;
    for (char c : digits) {
      int digit = (c >= '0' && c <= '9')             ? c - '0'
                  : hex && (c >= 'a' && c <= 'f')   ? c - 'a' + 10
                  : hex && (c >= 'A' && c <= 'F')   ? c - 'A' + 10
                                                    : -1;
      if (digit < 0 || code > 0x10FFFF) return Fail("a bad character reference");
      code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
    }
    if (digits.empty() || code == 0 || code > 0x10FFFF) return Fail("a bad character reference");
    AppendUtf8(code, out);
    return true;
  }

  bool Attribute(XmlElement& element) {
    std::string name = Name();
    SkipSpace();
    if (!error_.empty() || !Peek('=')) return Fail("an attribute without a value");
    ++pos_;
    SkipSpace();
    if (!Peek('"') && !Peek('\'')) return Fail("an unquoted attribute value");
    char quote = text_[pos_++];
    std::string value;
    while (pos_ < text_.size() && text_[pos_] != quote) {
      if (text_[pos_] == '<') return Fail("'<' in an attribute value");
      if (text_[pos_] == '&') {
        if (!Reference(value)) return false;
      } else {
        value += text_[pos_++];
      }
    }
    if (pos_ == text_.size()) return Fail("an unterminated attribute value");
    ++pos_;
    for (auto const& [existing, unused] : element.attributes) {
      if (existing == name) return Fail("a repeated attribute " + name);
    }
    element.attributes.emplace_back(std::move(name), std::move(value));
    return true;
  }

  // At '<' of a start tag.
  std::optional<XmlElement> Element() {
    if (++depth_ > 64) {
      Fail("elements nested too deeply");
      return std::nullopt;
    }
    ++pos_;
    XmlElement element;
    element.name = Name();
    if (!error_.empty()) return std::nullopt;
    for (;;) {
      bool spaced = pos_ < text_.size() && IsSpace(text_[pos_]);
      SkipSpace();
      if (Starts("/>")) {
        pos_ += 2;
        --depth_;
        return element;
      }
      if (Peek('>')) break;
      if (!spaced || !Attribute(element)) {
        Fail("a malformed start tag <" + element.name + ">");
        return std::nullopt;
      }
    }
    ++pos_;
    if (!Content(element)) return std::nullopt;
    --depth_;
    return element;
  }

  // The content of `element` through its end tag.
  bool Content(XmlElement& element) {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '&') {
        if (!Reference(element.text)) return false;
      } else if (c != '<') {
        element.text += c;
        ++pos_;
      } else if (Starts("</")) {
        pos_ += 2;
        std::string name = Name();
        SkipSpace();
        if (!error_.empty() || name != element.name || !Peek('>')) {
          return Fail("</" + name + "> does not close <" + element.name + ">");
        }
        ++pos_;
        return true;
      } else if (Starts("<!--")) {
        if (!SkipPast("-->", "comment")) return false;
      } else if (Starts("<![CDATA[")) {
        std::size_t start = pos_ + 9;
        if (!SkipPast("]]>", "CDATA section")) return false;
        element.text.append(text_.substr(start, pos_ - 3 - start));
      } else if (Starts("<?")) {
        if (!SkipPast("?>", "processing instruction")) return false;
      } else {
        auto child = Element();
        if (!child) return false;
        element.children.push_back(std::move(*child));
      }
    }
    return Fail("<" + element.name + "> is not closed");
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::string error_;
};

}  // namespace

std::optional<XmlElement> ParseXml(std::string_view document, std::string* why) {
  return Parser(document).Document(why);
}

}  // namespace opentok::conformance
