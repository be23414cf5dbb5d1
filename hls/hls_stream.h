// hlsforge: hls::stream<T>, a FIFO for C simulation (std::deque underneath). Reading an empty stream is an error
// in hardware; here it prints a message and returns a default-constructed value.
#ifndef HLSFORGE_HLS_STREAM_H
#define HLSFORGE_HLS_STREAM_H

#include <cstddef>
#include <deque>
#include <iostream>
#include <string>

namespace hls {

template <typename T>
class stream {
 public:
  stream() {}
  explicit stream(const char* name) : name_(name) {}
  stream(const stream&) = delete;
  stream& operator=(const stream&) = delete;

  bool empty() const { return fifo_.empty(); }
  bool full() const { return false; }
  std::size_t size() const { return fifo_.size(); }

  void write(const T& x) { fifo_.push_back(x); }
  bool write_nb(const T& x) {
    write(x);
    return true;
  }
  T read() {
    if (fifo_.empty()) {
      std::cerr << "hls::stream '" << name_ << "': read while empty\n";
      return T();
    }
    T x = fifo_.front();
    fifo_.pop_front();
    return x;
  }
  void read(T& x) { x = read(); }
  bool read_nb(T& x) {
    if (fifo_.empty()) return false;
    x = read();
    return true;
  }
  void operator>>(T& x) { read(x); }
  void operator<<(const T& x) { write(x); }

 private:
  std::string name_;
  std::deque<T> fifo_;
};

}  // namespace hls

#endif
