HashiSearch.register("en","p-0",{"hom":"A49CA","welcom":"AofA"});
