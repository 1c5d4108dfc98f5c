/// Checksums of the identifiers heed recognises. A pattern that looks like an IBAN but fails its
/// checksum is an invoice reference, not a bank account: only valid values become findings.
enum Checksums {
    /// IBAN lengths by country (ISO 13616 registry, the countries mail at CERN meets).
    static let ibanLengths: [String: Int] = [
        "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "ES": 24,
        "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20,
        "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "RS": 22, "SE": 24,
        "SI": 19, "SK": 24, "SM": 27, "TR": 26, "UA": 29, "VA": 22, "AE": 23, "IL": 23, "SA": 24, "BR": 29,
    ]

    /// ISO 7064 mod 97-10 over the IBAN (letters as 10…35, the first four characters moved to the
    /// end): valid when the remainder is 1. `iban` is upper-case letters and digits only.
    static func ibanIsValid(_ iban: [UInt8]) -> Bool {
        guard iban.count >= 15 else { return false }
        var remainder = 0
        for b in iban[4...] + iban[..<4] {
            if b >= 48 && b <= 57 {
                remainder = (remainder * 10 + Int(b - 48)) % 97
            } else if b >= 65 && b <= 90 {
                remainder = (remainder * 100 + Int(b - 55)) % 97
            } else {
                return false
            }
        }
        return remainder == 1
    }

    /// Luhn (payment cards).
    static func luhnIsValid(_ digits: [Int]) -> Bool {
        guard digits.count >= 12 else { return false }
        var sum = 0
        for (i, d) in digits.reversed().enumerated() {
            if i % 2 == 1 {
                let doubled = d * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += d
            }
        }
        return sum % 10 == 0
    }

    /// The card network a number's leading digits and length belong to, or nil.
    static func cardNetwork(_ digits: [Int]) -> String? {
        func prefix(_ n: Int) -> Int { digits.prefix(n).reduce(0) { $0 * 10 + $1 } }
        let length = digits.count
        switch (prefix(1), prefix(2), prefix(4)) {
        case (4, _, _) where [13, 16, 19].contains(length): return "Visa"
        case (_, 51...55, _) where length == 16: return "Mastercard"
        case (_, _, 2221...2720) where length == 16: return "Mastercard"
        case (_, 34, _) where length == 15, (_, 37, _) where length == 15: return "American Express"
        case (_, _, 6011) where length >= 16, (_, 65, _) where length >= 16: return "Discover"
        case (_, 35, _) where length >= 16: return "JCB"
        case (_, 36, _) where length >= 14, (_, 38, _) where length >= 14: return "Diners Club"
        case (_, 62, _) where length >= 16: return "UnionPay"
        case (_, _, 5018), (_, _, 5020), (_, _, 5038), (_, _, 6304), (_, _, 6759): return "Maestro"
        default: return nil
        }
    }

    /// Swiss AVS/AHV number (756.XXXX.XXXX.XC): 13 digits, EAN-13 check digit.
    static func avsIsValid(_ digits: [Int]) -> Bool {
        guard digits.count == 13, digits[0] == 7, digits[1] == 5, digits[2] == 6 else { return false }
        return ean13IsValid(digits)
    }

    static func ean13IsValid(_ digits: [Int]) -> Bool {
        guard digits.count == 13 else { return false }
        var sum = 0
        for (i, d) in digits.prefix(12).enumerated() { sum += i % 2 == 0 ? d : 3 * d }
        return (10 - sum % 10) % 10 == digits[12]
    }

    /// French social security number (NIR): 13 characters (Corsica's departments 2A and 2B
    /// counted as 19 and 18) and a two-digit key, 97 − (number mod 97).
    static func nirIsValid(_ chars: [UInt8]) -> Bool {
        guard chars.count == 15, chars[0] == 0x31 || chars[0] == 0x32 || chars[0] == 0x37 || chars[0] == 0x38 else { return false }
        var body = Array(chars[0..<13])
        if body[5] == 0x41 || body[5] == 0x42 {  // 2A / 2B
            guard body[5 - 1] == 0x32 else { return false }
            let replacement: [UInt8] = body[5] == 0x41 ? [0x31, 0x39] : [0x31, 0x38]
            body[4] = replacement[0]
            body[5] = replacement[1]
        }
        guard body.allSatisfy({ $0 >= 48 && $0 <= 57 }), chars[13...].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        let month = Int(body[3] - 48) * 10 + Int(body[4] - 48)
        guard (1...12).contains(month) || (20...42).contains(month) || (50...99).contains(month) else { return false }
        var remainder = 0
        for b in body { remainder = (remainder * 10 + Int(b - 48)) % 97 }
        let key = Int(chars[13] - 48) * 10 + Int(chars[14] - 48)
        return 97 - remainder == key
    }

    /// French RIB key: bank (5 digits), branch (5 digits), account (11 letters or digits) and key
    /// (2 digits), with 97 − ((89 × bank + 15 × branch + 3 × account) mod 97) == key, letters of the
    /// account read as digits (A, J → 1; B, K, S → 2; …).
    static func ribIsValid(bank: [UInt8], branch: [UInt8], account: [UInt8], key: [UInt8]) -> Bool {
        guard bank.count == 5, branch.count == 5, account.count == 11, key.count == 2 else { return false }
        func mod97(_ chars: [UInt8]) -> Int? {
            var r = 0
            for c in chars {
                let digit: Int
                switch c {
                case 48...57: digit = Int(c - 48)
                case 65...90:
                    let table = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5, 6, 7, 8, 9]
                    digit = table[Int(c - 65)]
                default: return nil
                }
                r = (r * 10 + digit) % 97
            }
            return r
        }
        guard let b = mod97(bank), let g = mod97(branch), let a = mod97(account),
              key.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        let value = Int(key[0] - 48) * 10 + Int(key[1] - 48)
        return 97 - (89 * b + 15 * g + 3 * a) % 97 == value
    }
}
