#include "internal/http_date.h"

#include <array>
#include <cctype>

namespace opentok::internal {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Reads the date's pieces left to right; every reader fails (nullopt/false) without
// consuming on a mismatch, and the parse as a whole then fails.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : rest_(text) {}

  bool Literal(std::string_view expected) {
    if (!rest_.starts_with(expected)) return false;
    rest_.remove_prefix(expected.size());
    return true;
  }
  // A day name: letters up to the next non-letter.
  bool Word() {
    std::size_t n = 0;
    while (n < rest_.size() && std::isalpha(static_cast<unsigned char>(rest_[n]))) ++n;
    if (n < 3) return false;
    rest_.remove_prefix(n);
    return true;
  }
  std::optional<int> Digits(std::size_t count) {
    if (rest_.size() < count) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(rest_[i]))) return std::nullopt;
      value = value * 10 + (rest_[i] - '0');
    }
    rest_.remove_prefix(count);
    return value;
  }
  // 1-12 from "Jan".."Dec" (case-sensitive, as the grammar says).
  std::optional<unsigned> Month() {
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
      if (Literal(kMonths[i])) return static_cast<unsigned>(i + 1);
    }
    return std::nullopt;
  }
  bool AtEnd() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

struct TimeOfDay {
  int hour = 0, minute = 0, second = 0;
};

std::optional<TimeOfDay> ReadTime(Cursor& in) {
  auto hour = in.Digits(2);
  if (!hour || !in.Literal(":")) return std::nullopt;
  auto minute = in.Digits(2);
  if (!minute || !in.Literal(":")) return std::nullopt;
  auto second = in.Digits(2);
  // 60 is a leap second.
  if (!second || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
  return TimeOfDay{*hour, *minute, *second};
}

std::optional<std::chrono::system_clock::time_point> Combine(int year, unsigned month, int day, TimeOfDay time) {
  std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(month),
                                   std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days(date) + std::chrono::hours(time.hour) + std::chrono::minutes(time.minute) +
         std::chrono::seconds(time.second);
}

// "Sun, 06 Nov 1994 08:49:37 GMT" and "Sunday, 06-Nov-94 08:49:37 GMT".
std::optional<std::chrono::system_clock::time_point> ParseWithComma(Cursor in) {
  auto day = in.Digits(2);
  if (!day) return std::nullopt;
  char const separator = in.Literal(" ") ? ' ' : (in.Literal("-") ? '-' : '\0');
  if (separator == '\0') return std::nullopt;
  auto month = in.Month();
  if (!month || !in.Literal(std::string_view(&separator, 1))) return std::nullopt;
  std::optional<int> year;
  if (separator == ' ') {
    year = in.Digits(4);
  } else if ((year = in.Digits(2))) {
    *year += *year < 70 ? 2000 : 1900;
  }
  if (!year || !in.Literal(" ")) return std::nullopt;
  auto time = ReadTime(in);
  if (!time || !in.Literal(" GMT") || !in.AtEnd()) return std::nullopt;
  return Combine(*year, *month, *day, *time);
}

// "Sun Nov  6 08:49:37 1994" (after the day name and its space).
std::optional<std::chrono::system_clock::time_point> ParseAsctime(Cursor in) {
  auto month = in.Month();
  if (!month || !in.Literal(" ")) return std::nullopt;
  auto day = in.Literal(" ") ? in.Digits(1) : in.Digits(2);
  if (!day || !in.Literal(" ")) return std::nullopt;
  auto time = ReadTime(in);
  if (!time || !in.Literal(" ")) return std::nullopt;
  auto year = in.Digits(4);
  if (!year || !in.AtEnd()) return std::nullopt;
  return Combine(*year, *month, *day, *time);
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> ParseHttpDate(std::string_view text) {
  Cursor in(text);
  if (!in.Word()) return std::nullopt;
  if (in.Literal(", ")) return ParseWithComma(in);
  if (in.Literal(" ")) return ParseAsctime(in);
  return std::nullopt;
}

}  // namespace opentok::internal
