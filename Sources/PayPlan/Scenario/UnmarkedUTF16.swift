import Foundation

/// Telling UTF-16 text that has no byte-order mark from UTF-8 and GB18030: what `load` (a scenario)
/// and `orders import` / `performance import` (`TextDecoding`) read to say, or decode, what a file is.
public enum UnmarkedUTF16 {
    /// Whether `data` looks like UTF-16 with no byte-order mark, and which order: true for little-endian
    /// (`4F 00 31 00` for "O1"), false for big-endian, nil when it does not. Read from the first 4 KB: an
    /// even length, and zero bytes (the high bytes of ASCII characters: digits, commas, braces, line breaks)
    /// at least one pair in eight, nearly all on one side of the pairs. UTF-8 and GB18030 text hold no zero byte.
    /// - Complexity: O(1): at most 4,096 bytes are read.
    public static func littleEndian(_ data: Data) -> Bool? {
        guard data.count >= 2, data.count % 2 == 0 else { return nil }
        let n = min(data.count, 4096)
        var even = 0, odd = 0
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            for i in 0..<n where raw[i] == 0 { if i % 2 == 0 { even += 1 } else { odd += 1 } }
        }
        let pairs = n / 2
        if odd * 8 >= pairs, even * 16 <= odd { return true }
        if even * 8 >= pairs, odd * 16 <= even { return false }
        return nil
    }
}
