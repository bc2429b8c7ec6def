//! Common given names of women and of men in English-language news (US and UK usage),
//! for telling which person "she" or "he" may stand for. A name used for both (Jordan,
//! Taylor, Leslie, Kim) is in neither list.

use sitrep_core::Sex;

/// Whether `name` (a given name, any case) is a woman's, a man's or not known.
///
/// ```
/// use sitrep_actors::given_names::sex;
/// use sitrep_core::Sex;
/// assert_eq!(sex("Hillary"), Some(Sex::Woman));
/// assert_eq!(sex("Bill"), Some(Sex::Man));
/// assert_eq!(sex("Kim"), None);
/// ```
pub fn sex(name: &str) -> Option<Sex> {
    let mut buf = [0u8; 16];
    let n = name.len();
    if n == 0 || n > buf.len() || !name.is_ascii() {
        return None;
    }
    buf[..n].copy_from_slice(name.as_bytes());
    buf[..n].make_ascii_lowercase();
    let lower = std::str::from_utf8(&buf[..n]).ok()?;
    if WOMEN.binary_search(&lower).is_ok() {
        Some(Sex::Woman)
    } else if MEN.binary_search(&lower).is_ok() {
        Some(Sex::Man)
    } else {
        None
    }
}

/// Women's given names, sorted.
const WOMEN: &[&str] = &[
    "abigail", "alexandra", "alice", "alicia", "alison", "amanda", "amy", "ana", "andrea", "angela", "ann", "anna", "anne", "annette", "barbara", "betsy", "betty", "beverly", "brenda", "carla", "carly", "carol", "caroline", "carolyn", "catherine",
    "cheryl", "christina", "christine", "claire", "claudia", "cynthia", "debbie", "deborah", "debra", "denise", "diana", "diane", "dianne", "donna", "doris", "dorothy", "elaine", "eleanor", "elena", "elisabeth", "elizabeth", "ellen", "emily", "emma",
    "evelyn", "frances", "gloria", "hannah", "heather", "heidi", "helen", "hillary", "ilhan", "irene", "jacqueline", "jane", "janet", "janice", "jean", "jeanne", "jennifer", "jessica", "jill", "joan", "joanna", "joanne", "joyce", "judith", "judy",
    "julia", "julie", "karen", "katherine", "kathleen", "kathryn", "kathy", "katie", "kirsten", "kristen", "laura", "lauren", "linda", "lisa", "liz", "lois", "loretta", "louise", "lucy", "madeleine", "margaret", "maria", "marie", "marine",
    "marion", "martha", "mary", "megan", "melania", "melissa", "michele", "michelle", "mildred", "nancy", "natalie", "nicola", "nicole", "nikki", "olivia", "pamela", "patricia", "paula", "peggy", "rachel", "rebecca", "rose", "ruth", "samantha", "sandra",
    "sara", "sarah", "sharon", "shirley", "sophie", "stephanie", "susan", "susana", "suzanne", "tammy", "teresa", "theresa", "tiffany", "tulsi", "ursula", "valerie", "victoria", "virginia", "wendy",
];

/// Men's given names, sorted.
const MEN: &[&str] = &[
    "aaron", "adam", "alan", "albert", "alexander", "andrew", "anthony", "antony", "arthur", "barack", "ben", "benjamin", "bernie", "bill", "bob", "bobby", "boris", "brad", "brian", "bruce", "carl", "charles", "chris", "christopher", "chuck",
    "craig", "daniel", "david", "dennis", "dick", "donald", "douglas", "dwight", "edward", "emmanuel", "eric", "frank", "fred", "gary", "george", "gerald", "gregory", "harold", "harry", "henry", "howard", "jack", "jacob", "james", "jeb", "jeff",
    "jeffrey", "jeremy", "jerry", "jim", "jimmy", "joe", "john", "johnny", "jonathan", "joseph", "joshua", "juan", "keith", "kenneth", "kevin", "larry", "lawrence", "louis", "marco", "mark", "martin", "matthew", "michael", "mike", "mitch",
    "mitt", "nicholas", "patrick", "paul", "peter", "philip", "ralph", "randy", "raymond", "richard", "rick", "robert", "roger", "ron", "ronald", "roy", "russell", "ryan", "samuel", "scott", "sergei", "sergey", "stephen", "steve", "steven",
    "ted", "thomas", "tim", "timothy", "tom", "tony", "vladimir", "walter", "wayne", "william", "willie",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_sorted_and_apart() {
        assert!(WOMEN.windows(2).all(|w| w[0] < w[1]));
        assert!(MEN.windows(2).all(|w| w[0] < w[1]));
        assert!(WOMEN.iter().all(|w| MEN.binary_search(w).is_err()));
    }
}
