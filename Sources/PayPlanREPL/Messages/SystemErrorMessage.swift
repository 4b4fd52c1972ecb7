import Foundation

/// An error the system gave (Foundation's `NSCocoaErrorDomain`, `NSPOSIXErrorDomain`, or any error type
/// payplan has no message of its own for), said from what it means: the file it names and the system's
/// error number, in both languages. Foundation's own text (`Error Domain=NSCocoaErrorDomain Code=512
/// "(null)" …`) is English only and never reaches the user.
public enum SystemErrorMessage: MessageCatalogue {
    /// Reading (`writing` false), writing (true) or using (nil: not known which) `path` failed with the
    /// system's error number `errno` (`ENOENT`, `ENOTDIR`, `ENOSPC` …).
    case file(path: String?, errno: Int32, writing: Bool?)
    /// A Foundation error without a system error number: its code (`CocoaError.Code`), and the file it names.
    case code(path: String?, code: Int)
    /// An error payplan has no words for: its English description (shown under en only).
    case unexpected(String)

    /// The message for `error`: its file (`NSFilePathErrorKey`, or the `NSURLErrorKey` URL) and error number
    /// (a POSIX error's own code, the underlying POSIX error of a Cocoa error, or the number a Cocoa file
    /// code stands for), whether it was a read or a write from the Cocoa code's range (256–511 read, 512–767 write).
    /// - Complexity: O(1).
    public init(_ error: Error) {
        let ns = error as NSError
        guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else {
            self = .unexpected(String(describing: error)); return
        }
        let path = ns.userInfo[NSFilePathErrorKey] as? String ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        let writing: Bool? = ns.domain == NSCocoaErrorDomain ? (256..<512 ~= ns.code ? false : 512..<768 ~= ns.code ? true : nil) : nil
        if ns.domain == NSPOSIXErrorDomain { self = .file(path: path, errno: Int32(truncatingIfNeeded: ns.code), writing: nil); return }
        // The underlying error is a `POSIXError` or an `NSError` of the POSIX domain (swift-corelibs-foundation keeps either).
        if let u = ns.userInfo[NSUnderlyingErrorKey] as? any Error {
            if let p = u as? POSIXError { self = .file(path: path, errno: p.code.rawValue, writing: writing); return }
            let un = u as NSError
            if un.domain == NSPOSIXErrorDomain { self = .file(path: path, errno: Int32(truncatingIfNeeded: un.code), writing: writing); return }
        }
        let byCode: [Int: Int32] = [4: ENOENT, 260: ENOENT, 257: EACCES, 513: EACCES, 516: EEXIST, 514: ENAMETOOLONG, 640: ENOSPC, 642: EROFS]
        if let e = byCode[ns.code] { self = .file(path: path, errno: e, writing: writing) } else { self = .code(path: path, code: ns.code) }
    }

    public var wording: Wording {
        switch self {
        case .file(let p, let e, let w):
            let en = String(cString: strerror(e)), zh = ScenarioErrorMessage.chinese(errno: e)
            guard let p else { return Wording(en: en, zh: zh) }
            switch w {
            case .some(true): return Wording(en: "cannot write \(p): \(en)", zh: "无法写入 \(p)：\(zh)")
            case .some(false): return Wording(en: "cannot read \(p): \(en)", zh: "无法读取 \(p)：\(zh)")
            case nil: return Wording(en: "\(p): \(en)", zh: "\(p)：\(zh)")
            }
        case .code(let p, let c):
            return Wording(en: (p.map { "\($0): " } ?? "") + "the system refused the operation (Foundation error \(c))",
                           zh: (p.map { "\($0)：" } ?? "") + "系统拒绝了这项操作（错误代码 \(c)）")
        case .unexpected(let text):
            return Wording(en: text, zh: "payplan 内部出错，无法说明原因")
        }
    }

    public static var samples: [SystemErrorMessage] {
        [.file(path: "工资条", errno: ENOTDIR, writing: true), .file(path: "a.csv", errno: ENOENT, writing: false), .file(path: "a.json", errno: ENOSPC, writing: nil),
         .file(path: nil, errno: EACCES, writing: nil), .code(path: "a.json", code: 512), .code(path: nil, code: 3840), .unexpected("some error")]
    }
}
